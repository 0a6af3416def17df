using Vanguard.Domain.Cases;

namespace Vanguard.Domain.Tests.Cases;

public sealed class OnSpotPenaltyTests
{
    [Theory]
    [InlineData(PartyKind.Person, 20_000L, false, true)]          // exactly 200 yuan: "二百元以下" includes 200
    [InlineData(PartyKind.Person, 20_001L, false, false)]         // 200.01 yuan
    [InlineData(PartyKind.Person, 20_001L, true, false)]          // a warning does not lift the fine limit
    [InlineData(PartyKind.Person, 0L, true, true)]                // warning only
    [InlineData(PartyKind.Person, 0L, false, false)]              // no penalty: nothing to decide
    [InlineData(PartyKind.Organisation, 300_000L, false, true)]   // exactly 3 000 yuan
    [InlineData(PartyKind.Organisation, 300_001L, false, false)]
    [InlineData(PartyKind.Organisation, 20_001L, false, true)]
    public void IsAllowed_FollowsArticle51(PartyKind party, long fineFen, bool warning, bool allowed) =>
        OnSpotPenalty.IsAllowed(party, fineFen, warning).ShouldBe(allowed);

    [Fact]
    public void IsAllowed_NegativeFine_IsABug() =>
        Should.Throw<ArgumentOutOfRangeException>(() => OnSpotPenalty.IsAllowed(PartyKind.Person, -1, false));
}
