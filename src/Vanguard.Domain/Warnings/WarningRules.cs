namespace Vanguard.Domain.Warnings;

/// <summary>Every rule of the early-warning engine, in the order the page lists them.</summary>
public static class WarningRules
{
    public static CaseDeadlineNear CaseDeadlineNear { get; } = new();

    public static CaseDeadlinePassed CaseDeadlinePassed { get; } = new();

    public static PenaltyDepartsStandard PenaltyDepartsStandard { get; } = new();

    public static OnsiteWithoutBodycam OnsiteWithoutBodycam { get; } = new();

    public static OfficerRepeatedComplaints OfficerRepeatedComplaints { get; } = new();

    public static StationSilent StationSilent { get; } = new();

    public static StationUncertified StationUncertified { get; } = new();

    public static EvidenceIntegrity EvidenceIntegrity { get; } = new();

    public static OfficerTopOfRange OfficerTopOfRange { get; } = new();

    public static FinesUpViolationsNotDown FinesUpViolationsNotDown { get; } = new();

    public static IReadOnlyList<WarningRule> All { get; } =
    [
        CaseDeadlineNear, CaseDeadlinePassed, PenaltyDepartsStandard, OnsiteWithoutBodycam, OfficerRepeatedComplaints,
        StationSilent, StationUncertified, EvidenceIntegrity, OfficerTopOfRange, FinesUpViolationsNotDown,
    ];

    public static WarningRule? Find(string? code) => All.FirstOrDefault(r => r.Code == code);
}
