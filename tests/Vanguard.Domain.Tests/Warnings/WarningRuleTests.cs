using Vanguard.Domain.Warnings;

namespace Vanguard.Domain.Tests.Warnings;

/// <summary>Each rule at, above and below its threshold.</summary>
public sealed class WarningRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Theory]
    [InlineData(9, true)]
    [InlineData(10, true)]   // at the threshold
    [InlineData(11, false)]
    [InlineData(0, true)]    // due today: still near, not passed
    [InlineData(-1, false)]  // passed: the other rule's
    public void CaseDeadlineNear_WithinTenDays(int daysLeft, bool fires) =>
        CaseDeadlineNear.Fires(Today, Today.AddDays(daysLeft), WarningRules.CaseDeadlineNear.DefaultValue).ShouldBe(fires);

    [Theory]
    [InlineData(0, 0, false)]
    [InlineData(1, 0, true)]
    [InlineData(2, 2, false)] // at a grace of 2 days
    [InlineData(3, 2, true)]
    public void CaseDeadlinePassed_AfterTheGrace(int daysOver, int grace, bool fires) =>
        CaseDeadlinePassed.Fires(Today, Today.AddDays(-daysOver), grace).ShouldBe(fires);

    [Theory]
    [InlineData(50_000, 0, false)]   // inside the range: flagged for the warning alone would need no range; here not flagged
    [InlineData(65_000, 30, true)]   // 30 % above the maximum: at the threshold
    [InlineData(64_000, 30, false)]  // 28 % above
    [InlineData(70_000, 30, true)]
    [InlineData(5_000, 50, true)]    // 50 % below the minimum
    [InlineData(6_000, 50, false)]   // 40 % below
    public void PenaltyDeparts_ByThePercentOutsideTheRange(long fine, int threshold, bool fires) =>
        PenaltyDepartsStandard.Fires(fine is < 10_000 or > 50_000, fine, 10_000, 50_000, threshold).ShouldBe(fires);

    [Fact]
    public void PenaltyDeparts_NotFlagged_NeverFires_AndAFlaggedWarningMismatchAlwaysDoes()
    {
        PenaltyDepartsStandard.Fires(false, 90_000, 10_000, 50_000, 0).ShouldBeFalse();
        PenaltyDepartsStandard.Fires(true, 20_000, 10_000, 50_000, 99).ShouldBeTrue("flagged inside the range: a warning where none was proposed");
        PenaltyDepartsStandard.DeparturePercent(75_000, 10_000, 50_000).ShouldBe(50m);
    }

    [Theory]
    [InlineData(0, 1, true)]
    [InlineData(1, 1, false)] // at the threshold
    [InlineData(2, 1, false)]
    [InlineData(1, 2, true)]
    public void OnsiteWithoutBodycam_FewerClipsThanRequired(int clips, int minimum, bool fires) =>
        OnsiteWithoutBodycam.Fires(clips, minimum).ShouldBe(fires);

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)] // at the threshold
    [InlineData(4, true)]
    public void OfficerRepeatedComplaints_ThreeIn90Days(int complaints, bool fires) =>
        OfficerRepeatedComplaints.Fires(complaints, WarningRules.OfficerRepeatedComplaints.DefaultValue).ShouldBe(fires);

    [Fact]
    public void StationSilent_AtAndAfterTheMinutes_OrNever()
    {
        var now = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
        StationSilent.Fires(now.AddMinutes(-59), now, 60).ShouldBeFalse();
        StationSilent.Fires(now.AddMinutes(-60), now, 60).ShouldBeTrue();
        StationSilent.Fires(now.AddMinutes(-61), now, 60).ShouldBeTrue();
        StationSilent.Fires(null, now, 60).ShouldBeTrue();
    }

    [Fact]
    public void StationUncertified_AndEvidenceIntegrity_HaveNoThreshold()
    {
        StationUncertified.Fires(false).ShouldBeTrue();
        StationUncertified.Fires(true).ShouldBeFalse();
        EvidenceIntegrity.Fires("mismatch").ShouldBeTrue();
        EvidenceIntegrity.Fires("missing").ShouldBeTrue();
        EvidenceIntegrity.Fires("resolved").ShouldBeFalse();
    }

    [Theory]
    [InlineData(5, 4, true)]   // 80 %: at the threshold
    [InlineData(5, 3, false)]  // 60 %
    [InlineData(5, 5, true)]
    [InlineData(4, 4, false)]  // below 5 cases
    [InlineData(10, 8, true)]
    [InlineData(10, 7, false)]
    public void OfficerTopOfRange_FiveCasesAt80Percent(int decided, int atTop, bool fires) =>
        OfficerTopOfRange.Fires(decided, atTop, 5, 80).ShouldBe(fires);

    [Theory]
    [InlineData(130_000, 100_000, 0.05, 0.04, true)]   // +30 %: at the threshold, rate up
    [InlineData(129_000, 100_000, 0.05, 0.04, false)]  // +29 %
    [InlineData(200_000, 100_000, 0.04, 0.04, true)]   // rate unchanged: "not lower"
    [InlineData(200_000, 100_000, 0.03, 0.04, false)]  // violations fell: more fines are no warning
    [InlineData(200_000, 0, 0.05, 0.04, false)]        // nothing to compare with
    public void FinesUp_ThirtyPercentWhileTheRateIsNotLower(long now, long before, double rateNow, double rateBefore, bool fires) =>
        FinesUpViolationsNotDown.Fires(now, before, (decimal)rateNow, (decimal)rateBefore, 30).ShouldBe(fires);

    [Fact]
    public void FinesUp_WithoutWeighings_NeverFires() =>
        FinesUpViolationsNotDown.Fires(500_000, 100_000, null, 0.04m, 30).ShouldBeFalse();

    [Fact]
    public void Rules_HaveUniqueCodes_AndSoundDefaults()
    {
        WarningRules.All.Select(r => r.Code).ShouldBeUnique();
        WarningRules.All.Count.ShouldBe(10);
        WarningRules.All.ShouldAllBe(r => r.Check(r.Defaults) == null && r.NameZh.Length > 0 && r.Protects.Length > 0);
        WarningRules.OfficerTopOfRange.Check(new WarningThresholds(true, 5, 120, 3)).ShouldNotBeNull();
        WarningRules.CaseDeadlineNear.Check(new WarningThresholds(true, 10, null, 0)).ShouldNotBeNull();
    }
}
