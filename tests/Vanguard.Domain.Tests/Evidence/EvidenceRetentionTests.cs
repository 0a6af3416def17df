using Vanguard.Domain.Evidence;

namespace Vanguard.Domain.Tests.Evidence;

public sealed class EvidenceRetentionTests
{
    private static readonly DateTimeOffset Recorded = new(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Standard_IsKeptSixMonthsFromTheLaterOfRecordingAndUpload()
    {
        EvidenceRetention.DueAt(RetentionClass.Standard, Recorded, Recorded.AddHours(3), 6).ShouldBe(Recorded.AddHours(3).AddMonths(6));
        EvidenceRetention.DueAt(RetentionClass.Standard, Recorded, Recorded.AddDays(-1), 6).ShouldBe(Recorded.AddMonths(6));
    }

    [Fact]
    public void FewerThanSixMonths_IsNeverUsed() =>
        EvidenceRetention.DueAt(RetentionClass.Standard, Recorded, Recorded, 1).ShouldBe(Recorded.AddMonths(6));

    [Theory]
    [InlineData(EvidenceCategory.Obstruction)]
    [InlineData(EvidenceCategory.Emergency)]
    [InlineData(EvidenceCategory.Complex)]
    public void ObstructionEmergencyAndComplexCases_ArePermanent(string category)
    {
        EvidenceRetention.DefaultClass(category).ShouldBe(RetentionClass.Permanent);
        EvidenceRetention.DueAt(RetentionClass.Permanent, Recorded, Recorded, 6).ShouldBeNull();
    }

    [Fact]
    public void Routine_IsStandard() => EvidenceRetention.DefaultClass(EvidenceCategory.Routine).ShouldBe(RetentionClass.Standard);

    [Fact]
    public void Decide_LegalHoldAndCaseLinksWin_OverADuePeriod()
    {
        var due = Recorded.AddMonths(6);
        var later = due.AddDays(1);

        EvidenceRetention.Decide(RetentionClass.Standard, due, linkedToCase: false, legalHold: false, later).ShouldBe(RetentionVerdict.Delete);
        EvidenceRetention.Decide(RetentionClass.Standard, due, linkedToCase: false, legalHold: false, due.AddSeconds(-1)).ShouldBe(RetentionVerdict.KeepNotDue);
        EvidenceRetention.Decide(RetentionClass.Standard, due, linkedToCase: true, legalHold: false, later).ShouldBe(RetentionVerdict.KeepLinkedToCase);
        EvidenceRetention.Decide(RetentionClass.Standard, due, linkedToCase: true, legalHold: true, later).ShouldBe(RetentionVerdict.KeepLegalHold);
        EvidenceRetention.Decide(RetentionClass.Permanent, null, linkedToCase: false, legalHold: false, later).ShouldBe(RetentionVerdict.KeepPermanent);
    }
}
