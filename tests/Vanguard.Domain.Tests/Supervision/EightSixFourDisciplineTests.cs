using Vanguard.Domain.Supervision;

namespace Vanguard.Domain.Tests.Supervision;

public sealed class EightSixFourDisciplineTests
{
    private static readonly ItemFinding[] OneBreach = [new("b3", ItemResult.Breach), new("b4", ItemResult.Compliant), new("y1", ItemResult.Unchecked)];

    [Fact]
    public void Items_AreTheEightProhibitionsAndTheSixBans()
    {
        EightSixFourDiscipline.Items.Count.ShouldBe(14);
        EightSixFourDiscipline.Items.Count(i => i.Group == DisciplineGroup.EightProhibitions).ShouldBe(8);
        EightSixFourDiscipline.Items.Count(i => i.Group == DisciplineGroup.SixBans).ShouldBe(6);
        EightSixFourDiscipline.Items.Select(i => i.Code).Distinct().Count().ShouldBe(14);
        EightSixFourDiscipline.LabelZh("b7").ShouldBe("八不准第7条：不准现场处罚超限超载违法行为");
        EightSixFourDiscipline.LabelZh("y4").ShouldBe("六严禁第4条：严禁勾结“黄牛”");
    }

    [Fact]
    public void Accountable_WithoutABreach_IsNobody()
    {
        EightSixFourDiscipline.Accountable([new("b1", ItemResult.Compliant), new("b2", ItemResult.Unchecked)], namesOfficer: true, serious: true, 5)
            .ShouldBeEmpty();
    }

    [Fact]
    public void Accountable_ForAnOfficersBreach_IsTheOfficerAndTheStationHead()
    {
        EightSixFourDiscipline.Accountable(OneBreach, namesOfficer: true, serious: false, personTimesBefore: 0)
            .ShouldBe([AccountabilityLevel.Officer, AccountabilityLevel.StationHead]);
    }

    [Fact]
    public void Accountable_ForATeamsBreach_NamesNoOfficer()
    {
        EightSixFourDiscipline.Accountable(OneBreach, namesOfficer: false, serious: false, personTimesBefore: 1)
            .ShouldBe([AccountabilityLevel.StationHead]);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    public void Accountable_TheAgencyHead_AtTheThirdPersonTimeOfTheYear(int before, bool agencyHead)
    {
        EightSixFourDiscipline.Accountable(OneBreach, namesOfficer: true, serious: false, before)
            .Contains(AccountabilityLevel.AgencyHead).ShouldBe(agencyHead);
    }

    [Fact]
    public void Accountable_ASeriousBreach_ReachesTheTransportAuthority()
    {
        EightSixFourDiscipline.Accountable(OneBreach, namesOfficer: true, serious: true, personTimesBefore: 2)
            .ShouldBe([AccountabilityLevel.Officer, AccountabilityLevel.StationHead, AccountabilityLevel.AgencyHead, AccountabilityLevel.Authority]);
    }

    [Fact]
    public void Accountable_WithANegativeCount_IsABug() =>
        Should.Throw<ArgumentOutOfRangeException>(() => EightSixFourDiscipline.Accountable(OneBreach, true, false, -1));
}
