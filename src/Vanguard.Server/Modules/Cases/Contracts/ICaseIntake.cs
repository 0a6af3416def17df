using Vanguard.Domain.Calendar;
using Vanguard.Domain.Common;

namespace Vanguard.Server.Modules.Cases.Contracts;

/// <summary>How other modules open cases: the off-site review today, the terminal and the watch-list later.</summary>
public interface ICaseIntake
{
    /// <summary>
    /// Opens an off-site case (非现场执法) from reviewed device evidence: registers it with its file items and files it
    /// (立案) under the reviewer's standing approval, as the current user.
    /// </summary>
    Task<Result<CaseRef>> OpenOffsiteCaseAsync(OffsiteCaseRequest request, CancellationToken ct);
}

/// <summary>The holiday calendar legal periods are counted on (行政处罚法 art. 85).</summary>
public interface ILegalCalendar
{
    Task<IHolidayCalendar> CurrentAsync(CancellationToken ct);
}

public sealed record CaseRef(Guid Id, string? CaseNumber);

public sealed record CaseParty(string Kind, string Name, string? IdNumber, string? Address, string? Phone);

public sealed record CaseFileEntry(string Code, string Description, string? Reference);

public sealed record OffsiteCaseRequest(
    string AgencyCode,
    string OffenceCode,
    string Title,
    string Facts,
    CaseParty Party,
    string Plate,
    string PlateColor,
    DateOnly ActOn,
    IReadOnlyDictionary<string, long> PenaltyFacts,
    IReadOnlyList<Guid> OfficerIds,
    IReadOnlyList<CaseFileEntry> FileItems,
    string ApprovedBy);
