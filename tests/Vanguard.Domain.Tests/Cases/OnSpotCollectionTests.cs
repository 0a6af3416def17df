using Vanguard.Domain.Cases;

namespace Vanguard.Domain.Tests.Cases;

public sealed class OnSpotCollectionTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, China);

    [Theory]
    [InlineData(10_000L, null, true)]          // exactly 100 yuan: "一百元以下" includes 100 (art. 68(1))
    [InlineData(10_001L, null, false)]         // 100.01 yuan, no reason
    [InlineData(10_001L, "  ", false)]
    [InlineData(20_000L, "当事人为外省过境车辆，不当场收缴事后难以执行", true)] // art. 68(2)
    [InlineData(0L, null, true)]
    public void CashAllowed_FollowsArticle68(long fineFen, string? reason, bool allowed) =>
        OnSpotCollection.CashAllowed(fineFen, reason).ShouldBe(allowed);

    [Fact]
    public void CashAllowed_NegativeFine_IsABug() =>
        Should.Throw<ArgumentOutOfRangeException>(() => OnSpotCollection.CashAllowed(-1, null));

    [Theory]
    [InlineData(0, PaidAtProblem.None)]
    [InlineData(4, PaidAtProblem.None)]               // a phone clock a little ahead
    [InlineData(6, PaidAtProblem.InFuture)]
    [InlineData(-60, PaidAtProblem.None)]
    [InlineData(-(3 * 24 * 60) + 1, PaidAtProblem.None)]
    [InlineData(-(3 * 24 * 60) - 1, PaidAtProblem.TooLongAgo)] // back-dated past the art. 72 window it would dodge
    public void CheckPaidAt_AllowsThreeDaysBackAndFiveMinutesAhead(int minutes, PaidAtProblem expected) =>
        OnSpotCollection.CheckPaidAt(Now.AddMinutes(minutes), new DateOnly(2026, 11, 20), Now, China).ShouldBe(expected);

    [Fact]
    public void CheckPaidAt_BeforeTheDecisionDay_IsRefused_InChinaTime()
    {
        var decidedOn = new DateOnly(2026, 11, 27);
        // 23:59 on the 26th in Beijing is 15:59 UTC: still the day before the decision.
        OnSpotCollection.CheckPaidAt(new DateTimeOffset(2026, 11, 26, 15, 59, 0, TimeSpan.Zero), decidedOn, Now, China).ShouldBe(PaidAtProblem.BeforeDecision);
        OnSpotCollection.CheckPaidAt(new DateTimeOffset(2026, 11, 26, 16, 0, 0, TimeSpan.Zero), decidedOn, Now, China).ShouldBe(PaidAtProblem.None);
    }
}
