using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Vanguard.Domain.Cases;
using Vanguard.Domain.Complaints;
using Vanguard.Domain.Organisation;
using Vanguard.Domain.Penalties;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Jobs;
using Vanguard.Server.Modules.Cases.Data;
using Vanguard.Server.Modules.Complaints.Data;
using Vanguard.Server.Modules.Offsite.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Organisation.Data;
using Vanguard.Server.Modules.Performance.Contracts;

namespace Vanguard.Bench;

internal static partial class ScoringBench
{
    private const int Cities = 19;
    private const int Counties = 180;
    private const int StationsPerCounty = 2;
    private const int MonthsBefore = 6;
    private const int HeavyPlates = 20_000;
    private const int OtherPlates = 500_000;
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly string CityLetters = "ABCDEFGHJKLMNPQRSU";

    /// <summary>What was written, and what the month's overload indicator must read for one county (checked after scoring).</summary>
    private sealed record Seeded(IReadOnlyDictionary<string, long> Rows, TimeSpan Elapsed, Guid CheckedCounty, string CheckedCountyCode, int CheckedWeighings, int CheckedOverloaded);

    private sealed record Station(Guid Id, string Code, Guid AgencyId);

    /// <summary>
    /// 200 agencies (the province, 19 cities, 180 counties) and 360 WIM stations through EF, then the bulk tables through
    /// <see cref="TableWriter{T}"/>: weighings (≈ 2 % overloaded, a third in the scored month, the rest in the six months before,
    /// in capture order as stations send them), a review item per overloaded usable weighing (reviewed on time or late), cases
    /// (off-site ones from confirmed reviews, on-site and ordinary ones; filed, decided — some after the 90-day limit —, served,
    /// closed; a decision event each, body-cam clips on most on-site cases) and complaints with their steps and missed musts.
    /// </summary>
    private static async Task<Seeded> SeedAsync(PlatformHost host, Options options, ScoringMonth month, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(9);
        var weighings = (long)(10_000_000 * options.Scale);
        var cases = (int)(1_000_000 * options.Scale);
        var complaints = (int)(100_000 * options.Scale);
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);

        await using var scope = host.Services.CreateAsyncScope();
        await using var db = SystemDb.Create(scope.ServiceProvider);
        var (counties, cities, stations) = await AgenciesAsync(db, ct);
        rows["org_agencies"] = 1 + cities.Count + counties.Count;
        rows["org_devices"] = stations.Count;
        scope.ServiceProvider.GetRequiredService<IAgencyDirectory>().Invalidate();
        // Chain what the set-up audited now: the chainer would otherwise wait on the seeding's write lock (SQLite) and log it.
        await host.Services.GetRequiredService<AuditChainer>().ChainPendingAsync(ct);

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        var postgres = connection is NpgsqlConnection;
        if (!postgres)
        {
            // Seeding only: a page cache big enough for the indexes keeps 10 M random-plate inserts from thrashing.
            await ExecuteAsync(connection, null, "PRAGMA cache_size = -2000000", ct);
        }

        await using var tx = postgres ? null : await connection.BeginTransactionAsync(ct);
        var periodStart = month.From.AddMonths(-MonthsBefore);

        var checkedCounty = counties[counties.Count / 2];
        int checkedWeighings = 0, checkedOverloaded = 0;
        var reviews = new List<ReviewItem>();

        // Weighings in capture order: two thirds spread over the six months before, one third over the scored month.
        var before = weighings * 2 / 3;
        var beforeMs = month.From.ToUnixTimeMilliseconds() - periodStart.ToUnixTimeMilliseconds();
        var monthMs = month.To.ToUnixTimeMilliseconds() - month.From.ToUnixTimeMilliseconds();
        await using (var wim = await TableWriter<WimRecord>.OpenAsync(db, tx, ct))
        {
            for (long i = 0; i < weighings; i++)
            {
                var capturedMs = i < before
                    ? periodStart.ToUnixTimeMilliseconds() + (long)(beforeMs * (i / (double)before))
                    : month.From.ToUnixTimeMilliseconds() + (long)(monthMs * ((i - before) / (double)(weighings - before)));
                var station = stations[random.Next(stations.Count)];
                var record = Weighing(i + 1, capturedMs, station, random);
                await wim.WriteAsync(record, ct);
                if (i >= before && station.AgencyId == checkedCounty.Id)
                {
                    checkedWeighings++;
                    checkedOverloaded += record.Verdict;
                }

                if (record is { Verdict: 1, EvidenceUsable: true })
                {
                    reviews.Add(Review(record, station, month, random));
                }
            }

            await wim.CompleteAsync(ct);
            rows[wim.Table] = wim.Rows;
        }

        Report.Line($"  weighings: {weighings:N0} in {Report.Seconds(clock.Elapsed)}");
        // A fifth of the cases are off-site ones, each opened from a confirmed review item that links to it.
        var offsite = reviews.Where(r => r.Status == ReviewStatus.Confirmed).Take(cases / 5).ToList();
        foreach (var item in offsite)
        {
            item.CaseId = Guid.CreateVersion7();
        }

        await using (var review = await TableWriter<ReviewItem>.OpenAsync(db, tx, ct))
        {
            foreach (var item in reviews)
            {
                await review.WriteAsync(item, ct);
            }

            await review.CompleteAsync(ct);
            rows[review.Table] = review.Rows;
        }

        var fileItems = new List<CaseFileItem>();
        var events = new List<CaseEvent>();
        await using (var writer = await TableWriter<Case>.OpenAsync(db, tx, ct))
        {
            for (var n = 0; n < cases; n++)
            {
                var c = n < offsite.Count
                    ? OffsiteCase(n, offsite[n], month, random)
                    : OnsiteCase(n, random.Next(10) == 0 ? cities[random.Next(cities.Count)] : counties[random.Next(counties.Count)].Id, periodStart, month, random);
                await writer.WriteAsync(c, ct);
                if (c.State.DecidedOn is { } decided)
                {
                    var late = c.State.FiledOn is { } filed && decided.DayNumber - filed.DayNumber > 90;
                    events.Add(new CaseEvent
                    {
                        Id = events.Count + 1, CaseId = c.Id, At = At(decided, 15), On = decided, ActionCode = "decide",
                        DescriptionZh = "作出行政处罚决定", DescriptionEn = "Penalty decided", ActorId = "bench", ActorName = "基准测试",
                        Warnings = late ? CaseWorkflow.WarningDecisionLate : null,
                    });
                }

                if (c.State.Procedure != CaseProcedure.Offsite && c.State.FiledOn is { } on && random.Next(100) < (c.State.Procedure == CaseProcedure.Simplified ? 92 : 75))
                {
                    fileItems.Add(new CaseFileItem
                    {
                        Id = fileItems.Count + 1, CaseId = c.Id, Code = CaseChecklists.BodyCamClip.Code, Description = CaseChecklists.BodyCamClip.NameZh,
                        Reference = "evidence:" + Guid.CreateVersion7(), AddedAt = At(on, 11), AddedBy = "bench",
                    });
                }
            }

            await writer.CompleteAsync(ct);
            rows[writer.Table] = writer.Rows;
        }

        rows["cases_events"] = await WriteAllAsync(db, tx, events, ct);
        rows["cases_file_items"] = await WriteAllAsync(db, tx, fileItems, ct);
        Report.Line($"  cases: {cases:N0} in {Report.Seconds(clock.Elapsed)}");

        var steps = new List<ComplaintStep>();
        var warnings = new List<ComplaintWarning>();
        await using (var writer = await TableWriter<Complaint>.OpenAsync(db, tx, ct))
        {
            for (var n = 0; n < complaints; n++)
            {
                var agency = random.Next(8) == 0 ? cities[random.Next(cities.Count)] : counties[random.Next(counties.Count)].Id;
                await writer.WriteAsync(Complaint(n, agency, periodStart, month, random, steps, warnings), ct);
            }

            await writer.CompleteAsync(ct);
            rows[writer.Table] = writer.Rows;
        }

        rows["complaints_steps"] = await WriteAllAsync(db, tx, steps, ct);
        rows["complaints_warnings"] = await WriteAllAsync(db, tx, warnings, ct);

        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
        else
        {
            // Explicit ids went past the identity sequences. VACUUM ANALYZE leaves the tables as autovacuum would after bulk
            // inserts: statistics for the planner, and the visibility map that lets an index-only scan skip the heap.
            foreach (var table in new[] { "offsite_wim_records", "cases_events", "cases_file_items" })
            {
                await ExecuteAsync(connection, null, $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), (SELECT coalesce(max(\"Id\"), 1) FROM \"{table}\"))", ct);
            }

            await ExecuteAsync(connection, null, "VACUUM ANALYZE", ct);
        }

        if (!postgres)
        {
            // As a database in service is: its WAL checkpointed (the platform's commits are small, this one was 13 M rows),
            // planner statistics present (what `PRAGMA optimize` keeps), and the seeding's page cache given back — the pool
            // would otherwise hand this 2 GB connection to the platform and the run's working set would include it.
            await ExecuteAsync(connection, null, "PRAGMA wal_checkpoint(TRUNCATE)", ct);
            await ExecuteAsync(connection, null, "ANALYZE", ct);
            await ExecuteAsync(connection, null, "PRAGMA cache_size = -2000", ct);
            await db.Database.CloseConnectionAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            // SQLite frees its cache page by page and the C allocator keeps what was freed: give it back to the OS.
            if (OperatingSystem.IsLinux())
            {
                _ = MallocTrim(0);
            }
        }

        return new Seeded(rows, clock.Elapsed, checkedCounty.Id, checkedCounty.Code, checkedWeighings, checkedOverloaded);
    }

    private static async Task<(List<Agency> Counties, List<Guid> Cities, List<Station> Stations)> AgenciesAsync(VanguardDbContext db, CancellationToken ct)
    {
        var province = await db.Agencies.SingleAsync(a => a.ParentId == null, ct);
        var now = DateTimeOffset.UtcNow;
        var counties = new List<Agency>();
        var cities = new List<Guid>();
        var devices = new List<Device>();
        for (var c = 1; c <= Cities; c++)
        {
            var cityCode = string.Create(CultureInfo.InvariantCulture, $"41{c:D2}00");
            var city = new Agency
            {
                Id = Guid.CreateVersion7(), Code = cityCode, Name = $"基准市{c}交通运输综合行政执法支队", ShortName = $"基{c}", Level = AgencyLevel.City,
                DivisionCode = cityCode, ParentId = province.Id, CreatedAt = now,
            };
            db.Agencies.Add(city);
            cities.Add(city.Id);
            var mine = (Counties / Cities) + (c <= Counties % Cities ? 1 : 0);
            for (var k = 1; k <= mine; k++)
            {
                var code = string.Create(CultureInfo.InvariantCulture, $"41{c:D2}{k:D2}");
                var county = new Agency
                {
                    Id = Guid.CreateVersion7(), Code = code, Name = $"基准县{c}-{k}交通运输综合行政执法大队", ShortName = $"基{c}-{k}", Level = AgencyLevel.County,
                    DivisionCode = code, ParentId = city.Id, CreatedAt = now,
                };
                db.Agencies.Add(county);
                counties.Add(county);
                for (var s = 1; s <= StationsPerCounty; s++)
                {
                    devices.Add(new Device
                    {
                        Id = Guid.CreateVersion7(), AgencyId = county.Id, Kind = DeviceKind.WimStation, Code = $"SB-WIM-{code}-{s}", Name = $"基准超限检测点 {code}-{s}",
                        AccuracyClass = 5m, CertificateNumber = $"JD-{code}-{s}", CertificateValidFrom = new DateOnly(2026, 1, 1),
                        CertificateValidUntil = new DateOnly(2027, 12, 31), CreatedAt = now,
                    });
                }
            }
        }

        db.AddRange(devices);
        await db.SaveChangesAsync(ct);
        return (counties, cities, devices.Select(d => new Station(d.Id, d.Code, d.AgencyId)).ToList());
    }

    // Limits of GB 1589-2016 by axle count (kg); the overloaded ones are the habitual plates, so repeat offenders exist.
    private static readonly int[] Limits = [0, 0, 18_000, 25_000, 31_000, 43_000, 49_000];

    private static WimRecord Weighing(long id, long capturedMs, Station station, Random random)
    {
        var axles = 2 + random.Next(5);
        var limit = Limits[axles];
        var overloaded = random.Next(50) == 0;
        var gross = overloaded ? (int)(limit * (1.06 + (random.NextDouble() * 0.5))) : (int)(limit * (0.35 + (random.NextDouble() * 0.6)));
        var tolerance = limit * 5 / 100;
        var adjusted = Math.Max(0, gross - tolerance);
        var over = Math.Max(0, adjusted - limit);
        var verdict = over > 0 ? 1 : 0;
        var weights = new int[axles];
        for (var a = 0; a < axles; a++)
        {
            weights[a] = gross / axles;
        }

        weights[0] += gross - weights.Sum();
        return new WimRecord
        {
            Id = id, DeviceId = station.Id, AgencyId = station.AgencyId, RecordId = string.Create(CultureInfo.InvariantCulture, $"SB{id:D10}"),
            CapturedAtMs = capturedMs, CapturedOffsetMinutes = 480, ReceivedAtMs = capturedMs + 800 + random.Next(2_000), Lane = 1 + random.Next(4),
            Plate = verdict == 1 ? Plate(random.Next(HeavyPlates)) : Plate(HeavyPlates + random.Next(OtherPlates)), PlateColor = "yellow",
            AxleCount = axles, VehicleKind = axles >= 5 ? "combination" : "truck", TractorSingleDriveAxle = false, SingleTyreAxleCount = 0,
            AxleWeightsKg = string.Join(',', weights), GrossWeightKg = gross, SpeedDeciKmh = 300 + random.Next(600),
            HeightMm = 3_800 + random.Next(200), WidthMm = 2_500, LengthMm = axles >= 5 ? 17_500 : 11_000,
            Verdict = verdict, LimitKg = limit, ToleranceKg = tolerance, AdjustedKg = adjusted, OverKg = over,
            OverBasisPoints = (int)(over * 10_000L / limit), PenaltyKind = verdict == 1 ? "fine" : "none",
            PenaltyFen = verdict == 1 ? Math.Min(3_000_000, over / 1_000 * 50_000L) : null,
            // One in 200 captured while the station's certificate did not cover it: never evidence.
            EvidenceUsable = random.Next(200) != 0,
            ImagesJson = verdict == 1
                ? $$"""[{"kind":"plate","sha256":"{{Sha(id, 1)}}","contentType":"image/jpeg"},{"kind":"side","sha256":"{{Sha(id, 2)}}","contentType":"image/jpeg"}]"""
                : null,
        };
    }

    private static ReviewItem Review(WimRecord record, Station station, ScoringMonth month, Random random)
    {
        var captured = DateTimeOffset.FromUnixTimeMilliseconds(record.CapturedAtMs).ToOffset(China);
        var due = DateOnly.FromDateTime(captured.Date).AddDays(7);
        // Reviewed within the five working days mostly, some days late; the last days of the scored month partly still pending.
        var pending = captured > month.To.AddDays(-3) && random.Next(3) == 0;
        var reviewedAt = captured.AddHours(random.Next(10) == 0 ? 24 * (8 + random.Next(10)) : 2 + random.Next(24 * 6));
        var invalid = random.Next(7) == 0;
        return new ReviewItem
        {
            Id = Guid.CreateVersion7(), WimRecordId = record.Id, DeviceId = record.DeviceId, StationCode = station.Code, AgencyId = record.AgencyId,
            Plate = record.Plate, PlateColor = record.PlateColor, CapturedAtMs = record.CapturedAtMs, OverKg = record.OverKg, PenaltyFen = record.PenaltyFen,
            Status = pending ? ReviewStatus.Pending : invalid ? ReviewStatus.Invalidated : ReviewStatus.Confirmed, ReviewDueOn = due,
            ReviewedBy = pending ? null : "bench.reviewer", ReviewedAt = pending ? null : reviewedAt, InvalidReason = !pending && invalid ? "plate_unreadable" : null,
            CreatedAt = captured.AddSeconds(2),
        };
    }

    private static Case OffsiteCase(int n, ReviewItem review, ScoringMonth month, Random random)
    {
        var filed = DateOnly.FromDateTime(review.ReviewedAt!.Value.ToOffset(China).Date);
        var state = Decide(new CaseSnapshot { Procedure = CaseProcedure.Offsite, Stage = CaseStage.Investigation, EvidenceReviewed = true, ActOn = filed, AcceptedOn = filed, FiledOn = filed },
            filed, month, random, review.PenaltyFen ?? 20_000);
        return NewCase(review.CaseId!.Value, n, review.AgencyId, OffenceCodes.OverloadMass, "超限运输（非现场执法）", review.Plate, state, filed);
    }

    private static Case OnsiteCase(int n, Guid agency, DateTimeOffset periodStart, ScoringMonth month, Random random)
    {
        var spanDays = (int)(month.To - periodStart).TotalDays;
        // Filed evenly over the seven months, a little heavier in the scored month.
        var day = random.Next(4) == 0 ? spanDays - 1 - random.Next(31) : random.Next(spanDays);
        var filed = DateOnly.FromDateTime(periodStart.AddDays(day).Date);
        if (random.Next(5) < 2)
        {
            // 当场处罚 (简易程序): decided, served and filed with the agency the same day.
            var fine = 20_000L * (1 + random.Next(10));
            var spot = new CaseSnapshot
            {
                Procedure = CaseProcedure.Simplified, Stage = CaseStage.Closed, ActOn = filed, FiledOn = filed, DecidedOn = filed, ServedOn = filed,
                Outcome = CaseOutcome.Penalty, DecidedFineFen = fine, ServiceMethod = ServiceMethod.Direct, PaidOn = filed, PaidFen = fine,
                OnSpotRecordFiledOn = filed.AddDays(random.Next(10) == 0 ? 3 : 1), ClosedOn = filed.AddDays(1),
            };
            return NewCase(Guid.CreateVersion7(), n, agency, OffenceCodes.UnlicensedFreight, "未取得道路运输经营许可擅自从事货运（当场处罚）", Plate(random.Next(HeavyPlates * 4)), spot, filed);
        }

        var state = Decide(new CaseSnapshot { Procedure = CaseProcedure.Ordinary, Stage = CaseStage.Investigation, ActOn = filed.AddDays(-random.Next(5)), AcceptedOn = filed, FiledOn = filed },
            filed, month, random, 100_000L * (1 + random.Next(30)));
        return NewCase(Guid.CreateVersion7(), n, agency, random.Next(3) == 0 ? OffenceCodes.OverloadDimensions : OffenceCodes.OverloadMass, "超限运输", Plate(random.Next(HeavyPlates)), state, filed);
    }

    /// <summary>Decided 5–80 days after filing, one in twenty after the 90-day limit (art. 60), some not yet; served, paid, closed.</summary>
    private static CaseSnapshot Decide(CaseSnapshot filedCase, DateOnly filed, ScoringMonth month, Random random, long fine)
    {
        var monthEnd = DateOnly.FromDateTime(month.To.ToOffset(China).Date);
        var decided = filed.AddDays(random.Next(20) == 0 ? 91 + random.Next(60) : 5 + random.Next(75));
        if (decided >= monthEnd)
        {
            return filedCase with { Stage = random.Next(2) == 0 ? CaseStage.Investigation : CaseStage.Notified, NoticeServedOn = filed.AddDays(3) };
        }

        var served = decided.AddDays(1 + random.Next(5));
        var paid = served.AddDays(random.Next(15));
        var closedCase = paid < monthEnd && random.Next(10) != 0;
        return filedCase with
        {
            Stage = closedCase ? CaseStage.Closed : served < monthEnd ? CaseStage.Executing : CaseStage.Decided,
            InvestigationEndedOn = decided.AddDays(-3), NoticeServedOn = decided.AddDays(-2), StatementWaived = random.Next(2) == 0,
            DecidedOn = decided, Outcome = random.Next(25) == 0 ? CaseOutcome.NoPenaltyMinor : CaseOutcome.Penalty, DecidedFineFen = fine,
            ServedOn = served < monthEnd ? served : null, ServiceMethod = ServiceMethod.Electronic,
            PaidOn = closedCase ? paid : null, PaidFen = closedCase ? fine : 0, ClosedOn = closedCase ? paid.AddDays(1) : null,
        };
    }

    private static Case NewCase(Guid id, int n, Guid agency, string offence, string title, string plate, CaseSnapshot state, DateOnly filed) => new()
    {
        Id = id, AgencyId = agency, CaseNumber = string.Create(CultureInfo.InvariantCulture, $"基准交执罚〔{filed.Year}〕{n + 1:D7}号"),
        Title = title, OffenceCode = offence, Source = 1, PartyName = string.Create(CultureInfo.InvariantCulture, $"基准运输有限公司{n % 50_000:D5}"),
        VehiclePlate = plate, PlateColor = "yellow", Facts = "经检测，该车辆车货总质量超过限定标准。", State = state with { PartyKind = PartyKind.Organisation },
        CreatedAt = At(filed, 9), UpdatedAt = At(state.ClosedOn ?? state.DecidedOn ?? filed, 17), Version = 1,
    };

    /// <summary>A 12328 complaint: contacted within 2 h and on site within 24 h mostly (两个必须), some late with a warning row; its handling steps.</summary>
    private static Complaint Complaint(int n, Guid agency, DateTimeOffset periodStart, ScoringMonth month, Random random, List<ComplaintStep> steps, List<ComplaintWarning> warnings)
    {
        var spanMinutes = (int)(month.To - periodStart).TotalMinutes;
        var received = periodStart.AddMinutes(random.Next(spanMinutes - (60 * 24 * 3)));
        var assigned = received.AddMinutes(5 + random.Next(55));
        var type = random.Next(10) switch { < 7 => ComplaintType.Complaint, < 9 => ComplaintType.Consultation, _ => ComplaintType.Suggestion };
        var (contactDue, onsiteDue) = TwoMustsTable.Default.DueTimes(type, assigned);
        var contacted = assigned.AddMinutes(random.Next(14) == 0 ? 125 + random.Next(600) : 3 + random.Next(110));
        var onsite = contacted.AddHours(random.Next(12) == 0 ? 25 + random.Next(48) : 1 + random.Next(20));
        var upheld = random.Next(7) == 0;
        var id = Guid.CreateVersion7();
        var complaint = new Complaint
        {
            Id = id, AgencyId = agency, TicketNo = string.Create(CultureInfo.InvariantCulture, $"12328-SB-{n + 1:D8}"), Source = "hotline", Type = type,
            Domain = random.Next(3) == 0 ? ComplaintDomain.UrbanPassenger : ComplaintDomain.RoadTransport, Place = "基准路与测试街交叉口",
            OccurredAt = received.AddHours(-2 - random.Next(24)), ComplainantName = "基准投诉人", ComplainantPhone = string.Create(CultureInfo.InvariantCulture, $"1390000{n % 10_000:D4}"),
            Accused = upheld ? "执法人员态度粗暴" : "某货运车辆", Description = "反映执法检查过程中的问题，请核实处理。", Status = ComplaintStatuses.Visited,
            ReceivedAt = received, ReceivedBy = "12328 热线", AssignedAt = assigned, ContactDueAt = contactDue, OnsiteDueAt = onsiteDue,
            ContactedAt = contacted, OnsiteAt = onsite,
            ContactBreachedAt = contacted > contactDue ? contactDue.AddMinutes(1) : null, OnsiteBreachedAt = onsite > onsiteDue ? onsiteDue.AddMinutes(1) : null,
            Satisfaction = random.Next(10) == 0 ? "不满意" : "满意", Version = 8,
        };
        // A 投诉举报 gets its 调查结论 with the result; the upheld ones are about an officer of the handling agency (有效投诉).
        if (type == ComplaintType.Complaint)
        {
            (complaint.Finding, complaint.FindingAt) = (upheld ? ComplaintFinding.Substantiated : ComplaintFinding.Unsubstantiated, onsite.AddDays(2));
            (complaint.AccusedOfficerId, complaint.AccusedOfficerAgencyId) = upheld ? (Guid.CreateVersion7(), agency) : ((Guid?)null, (Guid?)null);
        }

        (string Kind, DateTimeOffset At, string Note)[] handled =
        [
            (ComplaintSteps.Received, received, "12328 工单"), (ComplaintSteps.Assigned, assigned, "交办"), (ComplaintSteps.Contact, contacted, "已电话联系投诉人"),
            (ComplaintSteps.Onsite, onsite, "已到达现场核查"), (ComplaintSteps.Result, onsite.AddDays(2), upheld ? "经核查，投诉属实，已责令整改" : "经核查，投诉不属实"),
            (ComplaintSteps.Reply, onsite.AddDays(3), "已答复投诉人"), (ComplaintSteps.ReturnVisit, onsite.AddDays(5), "已回访"),
        ];
        for (var s = 0; s < handled.Length; s++)
        {
            steps.Add(new ComplaintStep
            {
                Id = Guid.CreateVersion7(), ComplaintId = id, AgencyId = agency, Seq = s, Kind = handled[s].Kind, At = handled[s].At, RecordedAt = handled[s].At,
                ById = "bench", ByName = "基准测试", Note = handled[s].Note, Satisfaction = handled[s].Kind == ComplaintSteps.ReturnVisit ? complaint.Satisfaction : null,
                Finding = handled[s].Kind == ComplaintSteps.Result ? complaint.Finding : null,
            });
        }

        complaint.StepCount = handled.Length;
        foreach (var (must, due, done) in new[] { (Must.Contact, contactDue, contacted), (Must.Onsite, onsiteDue, onsite) })
        {
            if (done > due)
            {
                warnings.Add(new ComplaintWarning { Id = Guid.CreateVersion7(), ComplaintId = id, AgencyId = agency, Must = must, DueAt = due, BreachedAt = due.AddMinutes(1) });
            }
        }

        return complaint;
    }

    private static async Task<long> WriteAllAsync<T>(DbContext db, DbTransaction? tx, IEnumerable<T> items, CancellationToken ct)
        where T : class
    {
        await using var writer = await TableWriter<T>.OpenAsync(db, tx, ct);
        foreach (var item in items)
        {
            await writer.WriteAsync(item, ct);
        }

        await writer.CompleteAsync(ct);
        return writer.Rows;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "malloc_trim")]
    [System.Runtime.InteropServices.DefaultDllImportSearchPaths(System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);

    /// <summary>A Henan freight plate: 豫 + a city letter + five digits; distinct for n below 18 × 100 000.</summary>
    private static string Plate(int n) => string.Create(CultureInfo.InvariantCulture, $"豫{CityLetters[n % CityLetters.Length]}{n / CityLetters.Length % 100_000:D5}");

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), China);

    private static string Sha(long id, int k) => Convert.ToHexStringLower(BitConverter.GetBytes((id * 31) + k)).PadRight(64, '0');
}
