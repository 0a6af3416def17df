using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Common;
using Vanguard.Domain.Complaints;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Complaints.Data;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Complaints.Features;

/// <summary>
/// <c>POST /api/v1/public/complaints</c> and the public form <c>/complaint</c>: a complaint without signing in. The area
/// chosen decides the responsible agency; the phone is the complainant's key to the ticket.
/// </summary>
public sealed record PublicComplaintRequest(
    string? Type, string? Domain, string? AreaCode, string? Place, DateTimeOffset? OccurredAt, string? Name, string? Phone, string? Description,
    string? AccusedParty, string? AccusedOfficerNo, IReadOnlyList<PublicPhoto>? Photos);

/// <summary>A photo in the JSON APIs (public and staff intake), base64 (at most 3, JPEG or PNG, 5 MB each).</summary>
public sealed record PublicPhoto(string? FileName, string? ContentBase64)
{
    /// <summary>The photos decoded, or the validation error naming the one that is not base64.</summary>
    internal static Result<IReadOnlyList<IncomingPhoto>> Decode(IReadOnlyList<PublicPhoto>? photos)
    {
        var decoded = new List<IncomingPhoto>();
        var check = new Validator();
        var given = photos ?? [];
        for (var i = 0; i < given.Count; i++)
        {
            try
            {
                decoded.Add(new IncomingPhoto(given[i].FileName ?? $"photo-{i + 1}", Convert.FromBase64String(given[i].ContentBase64 ?? string.Empty)));
            }
            catch (FormatException)
            {
                check.Add($"photos[{i}]", "not_base64", "照片内容须为 base64 编码。", "The photo must be base64.");
            }
        }

        return check.IsValid ? Result<IReadOnlyList<IncomingPhoto>>.Success(decoded) : check.ToError();
    }
}

/// <summary>The answer to a public complaint: the ticket number to look it up with (and the phone given).</summary>
public sealed record PublicTicket(string TicketNo, DateTimeOffset ReceivedAt, string AgencyName, int Photos);

/// <summary><c>POST /api/v1/public/complaints/lookup</c>.</summary>
public sealed record PublicLookupRequest(string? TicketNo, string? Phone);

/// <summary>What the complainant sees: where the complaint stands and the reply, nothing internal (no notes, officers or timers).</summary>
public sealed record PublicComplaintStatus(
    string TicketNo, string TypeName, string DomainName, DateTimeOffset ReceivedAt, string AgencyName, string Status, string StatusName, string? Reply,
    DateTimeOffset? RepliedAt);

/// <summary>An area the public form offers: a city or county agency, with its city for grouping.</summary>
public sealed record PublicArea(string Code, string Name, string? CityName);

internal sealed class PublicComplaintHandler(
    VanguardDbContext db, ComplaintHandler complaints, IPublicPartyScope party, IAgencyDirectory agencies, PublicComplaintThrottle throttle)
{
    public static readonly Error RateLimited = new(
        "complaints.rate_limited", "提交或查询过于频繁，请稍后再试。", "Too many attempts; try again later.", ErrorKind.Forbidden);

    public static readonly Error TicketNotFound = Error.NotFound(
        "complaints.ticket_not_found", "未找到该投诉：请核对投诉编号和提交时填写的联系电话。",
        "No such complaint: check the ticket number and the phone given with it.");

    /// <summary>The areas under the province (cities and their counties), in code order.</summary>
    public IReadOnlyList<PublicArea> Areas()
    {
        var tree = agencies.Current;
        var root = tree.All.FirstOrDefault(a => a.ParentId is null);
        if (root is null)
        {
            return [];
        }

        return tree.Children(root.Id).OrderBy(c => c.Code, StringComparer.Ordinal)
            .SelectMany(city => tree.Children(city.Id).OrderBy(c => c.Code, StringComparer.Ordinal)
                .Select(county => new PublicArea(county.Code, county.Name, city.Name))
                .Prepend(new PublicArea(city.Code, city.Name, null)))
            .ToList();
    }

    public async Task<Result<PublicTicket>> FileAsync(PublicComplaintRequest r, IReadOnlyList<IncomingPhoto> photos, string? address, CancellationToken ct)
    {
        if (!throttle.TryAcquire("file", address))
        {
            return RateLimited;
        }

        var check = new Validator()
            .Require("areaCode", r.AreaCode, "事发地区", "Area")
            .Check(r.AreaCode is null || Areas().Any(a => a.Code == r.AreaCode), "areaCode", "unknown", "请选择事发地区。", "Choose the area.")
            .MaxLength("accusedParty", r.AccusedParty, 200, "被投诉对象", "Accused");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        // The public acts as a named party with no jurisdiction of its own; the area chosen decides the responsible agency.
        party.Enter("public:complaint", "投诉人（网上投诉）");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var request = new FileComplaintRequest(
                r.Type, r.Domain, new PlaceRequest(r.Place, r.AreaCode, null, null), r.OccurredAt, new ComplainantRequest(r.Name, r.Phone),
                new AccusedRequest(string.IsNullOrWhiteSpace(r.AccusedParty) ? "（未指明）" : r.AccusedParty, r.AccusedOfficerNo), r.Description,
                NewTicketNo(DateTimeOffset.UtcNow), r.AreaCode);
            var filed = await complaints.FileAsync(request, ct, photos, source: "public");
            if (!filed.IsSuccess)
            {
                return filed.Error!;
            }

            var (view, created) = filed.Value;
            if (created)
            {
                return new PublicTicket(view.TicketNo!, view.ReceivedAt, view.AgencyName, view.Attachments.Count);
            }

            // The ticket number drawn was already taken (one in a million a day): draw another; nothing was stored.
        }

        throw new InvalidOperationException("Five ticket numbers in a row were taken.");
    }

    public async Task<Result<PublicComplaintStatus>> LookupAsync(string? ticketNo, string? phone, string? address, CancellationToken ct)
    {
        if (!throttle.TryAcquire("lookup", address))
        {
            return RateLimited;
        }

        var check = new Validator().Require("ticketNo", ticketNo, "投诉编号", "Ticket number").Require("phone", phone, "联系电话", "Phone");
        if (!check.IsValid)
        {
            return check.ToError();
        }

        party.Enter("public:complaint", "投诉人（网上查询）");
        // As typed, or upper-cased (WS… read off a phone is often typed in lower case); 12328 tickets keep their own spelling.
        var (typed, upper) = (ticketNo!.Trim(), ticketNo.Trim().ToUpperInvariant());
        var c = await db.Set<Complaint>().AsNoTracking().FirstOrDefaultAsync(x => x.TicketNo == typed || x.TicketNo == upper, ct);
        // A wrong phone answers as a wrong ticket: the page must not tell whether a ticket exists.
        if (c is null || !SamePhone(c.ComplainantPhone, phone!))
        {
            return TicketNotFound;
        }

        var reply = await db.Set<ComplaintStep>().AsNoTracking().Where(s => s.ComplaintId == c.Id && s.Kind == ComplaintSteps.Reply)
            .OrderByDescending(s => s.Seq).Select(s => new { s.Note, s.At }).FirstOrDefaultAsync(ct);
        return new PublicComplaintStatus(
            c.TicketNo!, ComplaintType.NameZh(c.Type), ComplaintDomain.NameZh(c.Domain), c.ReceivedAt, agencies.Current.Find(c.AgencyId)?.Name ?? string.Empty,
            c.Status, PublicStatusName(c.Status), reply?.Note, reply?.At);
    }

    /// <summary>The complainant's words for the handling stages (the internal ones say less than the staff list).</summary>
    public static string PublicStatusName(string status) => status switch
    {
        ComplaintStatuses.Assigned => "已受理，待承办单位联系",
        ComplaintStatuses.Contacted or ComplaintStatuses.OnSite => "正在核查处理",
        ComplaintStatuses.Handled => "已处理，待答复",
        ComplaintStatuses.Replied => "已答复",
        ComplaintStatuses.Visited => "已回访，办结",
        ComplaintStatuses.Reexamining => "复核中",
        _ => status,
    };

    /// <summary>WS + date (China) + 6 random digits: not guessable in sequence, and the lookup needs the phone as well.</summary>
    internal static string NewTicketNo(DateTimeOffset now) =>
        "WS" + now.ToOffset(TimeSpan.FromHours(8)).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)
        + RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private static bool SamePhone(string stored, string given)
    {
        static string Digits(string p) => new(p.Where(char.IsAsciiDigit).ToArray());
        var (a, b) = (Digits(stored), Digits(given));
        return a.Length > 0 && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(a), System.Text.Encoding.ASCII.GetBytes(b));
    }
}

/// <summary>
/// Counts public filings and look-ups per client address in fixed 10-minute windows (in memory, per node, as the online
/// portal's throttle: behind a load balancer the limit multiplies by the node count, which still stops flooding and guessing).
/// </summary>
internal sealed class PublicComplaintThrottle(IOptions<ComplaintsOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (long Window, int Count)> _counts = new(StringComparer.Ordinal);

    public bool TryAcquire(string what, string? address)
    {
        var window = clock.GetUtcNow().ToUnixTimeSeconds() / 600;
        if (_counts.Count > 100_000)
        {
            foreach (var stale in _counts.Where(c => c.Value.Window < window).Select(c => c.Key).ToList())
            {
                _counts.TryRemove(stale, out _);
            }
        }

        var limit = what == "file" ? options.Value.PublicFilingsPer10Minutes : options.Value.PublicLookupsPer10Minutes;
        var count = _counts.AddOrUpdate($"{what}:{address ?? "unknown"}", _ => (window, 1), (_, v) => v.Window == window ? (window, v.Count + 1) : (window, 1)).Count;
        return count <= limit;
    }
}
