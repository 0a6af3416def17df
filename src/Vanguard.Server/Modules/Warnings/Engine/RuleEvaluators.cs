using System.Globalization;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Cases;
using Vanguard.Domain.Organisation;
using Vanguard.Domain.Warnings;
using Vanguard.Server.Common;
using Vanguard.Server.Modules.Cases.Contracts;
using Vanguard.Server.Modules.Complaints.Contracts;
using Vanguard.Server.Modules.Evidence.Contracts;
using Vanguard.Server.Modules.Offsite.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Modules.Warnings.Engine;

/// <summary>
/// Reads the platform's data through the other modules' contracts and asks each rule (Vanguard.Domain.Warnings) whether it fires.
/// One method per rule; each returns the findings of the enabled rule over every agency in the caller's jurisdiction.
/// </summary>
internal sealed class RuleEvaluators(
    ICaseWarningFacts cases, ICaseStatistics caseStatistics, IOfficerComplaints complaints, IStationStatus stations,
    IDeviceDirectory devices, IEvidenceIntegrity evidence, IOverloadStatistics overloads, IOfficerDirectory officers, IAgencyDirectory agencies,
    IOptions<WarningsOptions> options, TimeProvider clock)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task<IReadOnlyList<Finding>> EvaluateAsync(RuleSettings settings, CancellationToken ct)
    {
        var findings = new List<Finding>();
        findings.AddRange(await DeadlinesAsync(settings, ct));
        findings.AddRange(await DeparturesAsync(settings, ct));
        findings.AddRange(await BodycamAsync(settings, ct));
        findings.AddRange(await ComplaintsAsync(settings, ct));
        findings.AddRange(await StationsAsync(settings, ct));
        findings.AddRange(await IntegrityAsync(settings, ct));
        findings.AddRange(await TopOfRangeAsync(settings, ct));
        findings.AddRange(await FinesAsync(settings, ct));
        return findings;
    }

    private DateOnly Today => LegalClock.Today(clock);

    private static string Money(long fen) => (fen / 100m).ToString("#,0.##", Invariant) + " 元";

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", Invariant);

    private static string Time(DateTimeOffset t) => t.ToOffset(LegalClock.ChinaOffset).ToString("yyyy-MM-dd HH:mm", Invariant);

    private static IEnumerable<string> Officers(IEnumerable<Guid> ids) => ids.Select(id => $"officer:{id}");

    internal async Task<IEnumerable<Finding>> DeadlinesAsync(RuleSettings settings, CancellationToken ct)
    {
        var near = WarningRules.CaseDeadlineNear;
        var passed = WarningRules.CaseDeadlinePassed;
        var today = Today;
        var found = new List<Finding>();
        foreach (var c in await cases.PendingDecisionsAsync(ct))
        {
            var figures = new List<Figure>
            {
                new("案号", c.CaseNumber ?? "（未编号）"), new("案由", c.OffenceName), new("立案日期", Day(c.FiledOn)), new("决定期限", Day(c.DecisionDue)),
            };
            var refs = Officers(c.OfficerIds).Prepend($"case:{c.CaseId}").ToList();
            var n = settings.For(c.AgencyId, near);
            if (n.Enabled && CaseDeadlineNear.Fires(today, c.DecisionDue, n.Value))
            {
                var left = c.DecisionDue.DayNumber - today.DayNumber;
                found.Add(new Finding(near.Code, $"case:{c.CaseId}", string.Empty, c.AgencyId,
                    $"案件 {c.CaseNumber} 距法定决定期限还剩 {left} 日（{Day(c.DecisionDue)}），尚未作出决定",
                    [.. figures, new("剩余天数", left.ToString(Invariant)), new("阈值", $"≤ {n.Value:0.##} 日")], refs));
            }

            var p = settings.For(c.AgencyId, passed);
            if (p.Enabled && CaseDeadlinePassed.Fires(today, c.DecisionDue, p.Value))
            {
                var over = today.DayNumber - c.DecisionDue.DayNumber;
                found.Add(new Finding(passed.Code, $"case:{c.CaseId}", string.Empty, c.AgencyId,
                    $"案件 {c.CaseNumber} 已超过法定决定期限 {over} 日（{Day(c.DecisionDue)}），仍未作出决定",
                    [.. figures, new("超期天数", over.ToString(Invariant))], refs));
                // The near warning's problem has not gone away, it has grown: it is not 条件已消除.
                found.Add(new Finding(near.Code, $"case:{c.CaseId}", string.Empty, c.AgencyId, string.Empty, [], [], HoldOnly: true));
            }
        }

        return found;
    }

    internal async Task<IEnumerable<Finding>> DeparturesAsync(RuleSettings settings, CancellationToken ct)
    {
        var rule = WarningRules.PenaltyDepartsStandard;
        var today = Today;
        var found = new List<Finding>();
        foreach (var d in await cases.DepartedDecisionsAsync(today.AddDays(-options.Value.DecisionLookbackDays), today.AddDays(1), ct))
        {
            var t = settings.For(d.AgencyId, rule);
            if (!t.Enabled || !PenaltyDepartsStandard.Fires(true, d.FineFen, d.MinFen, d.MaxFen, t.Value))
            {
                continue;
            }

            var range = d.MinFen is { } min && d.MaxFen is { } max ? (min == max ? Money(min) : $"{Money(min)} – {Money(max)}") : "（无）";
            var departure = d.MinFen is { } lo && d.MaxFen is { } hi ? PenaltyDepartsStandard.DeparturePercent(d.FineFen, lo, hi) : 100m;
            found.Add(new Finding(rule.Code, $"case:{d.CaseId}", string.Empty, d.AgencyId,
                $"案件 {d.CaseNumber} 决定罚款 {Money(d.FineFen)}{(d.Warning ? "并警告" : string.Empty)}，偏离裁量基准（{range}）",
                [new("案号", d.CaseNumber ?? "（未编号）"), new("案由", d.OffenceName), new("决定日期", Day(d.DecidedOn)), new("决定罚款", Money(d.FineFen)),
                    new("裁量基准", range), new("基准建议警告", d.ProposedWarning ? "是" : "否"), new("决定警告", d.Warning ? "是" : "否"),
                    new("偏离幅度", $"{departure:0.##} %")],
                Officers(d.OfficerIds).Prepend($"case:{d.CaseId}").ToList()));
        }

        return found;
    }

    internal async Task<IEnumerable<Finding>> BodycamAsync(RuleSettings settings, CancellationToken ct)
    {
        var rule = WarningRules.OnsiteWithoutBodycam;
        var today = Today;
        var decided = (await caseStatistics.DecidedAsync(today.AddDays(-options.Value.DecisionLookbackDays), today.AddDays(1), ct))
            .Where(c => c.Procedure == CaseProcedure.Simplified).ToList();
        var found = new List<Finding>();
        // Number, offence and officers only: the decisions in full (with the party's data) are not needed to name a case.
        var labels = decided.Count == 0 ? new Dictionary<Guid, CaseLabel>()
            : (await cases.LabelsAsync(decided.Select(c => c.CaseId).ToList(), ct)).ToDictionary(l => l.CaseId);
        foreach (var c in decided)
        {
            var t = settings.For(c.AgencyId, rule);
            if (!t.Enabled || !OnsiteWithoutBodycam.Fires(c.ClipEvidenceIds.Count, t.Value))
            {
                continue;
            }

            var d = labels.GetValueOrDefault(c.CaseId);
            found.Add(new Finding(rule.Code, $"case:{c.CaseId}", string.Empty, c.AgencyId,
                $"当场处罚案件 {d?.CaseNumber} 的卷宗未附执法记录仪视频（{c.ClipEvidenceIds.Count} 段，应不少于 {t.Value:0} 段）",
                [new("案号", d?.CaseNumber ?? "（未编号）"), new("案由", d?.OffenceName ?? "-"), new("决定日期", Day(c.DecidedOn)),
                    new("执法记录仪视频", $"{c.ClipEvidenceIds.Count} 段")],
                Officers(d?.OfficerIds ?? []).Prepend($"case:{c.CaseId}").ToList()));
        }

        return found;
    }

    internal async Task<IEnumerable<Finding>> ComplaintsAsync(RuleSettings settings, CancellationToken ct)
    {
        var rule = WarningRules.OfficerRepeatedComplaints;
        var since = clock.GetUtcNow().AddDays(-OfficerRepeatedComplaints.WindowDays);
        var about = (await complaints.AboutOfficersSinceAsync(since, ct)).GroupBy(c => c.OfficerId).ToList();
        var names = await officers.FindManyAsync(about.Select(g => g.Key).ToList(), ct);
        var found = new List<Finding>();
        foreach (var g in about)
        {
            var list = g.OrderBy(c => c.ReceivedAt).ThenBy(c => c.ComplaintId).ToList();
            var agencyId = list[^1].OfficerAgencyId;
            var t = settings.For(agencyId, rule);
            if (!t.Enabled || !OfficerRepeatedComplaints.Fires(list.Count, t.Value))
            {
                continue;
            }

            var officer = names.GetValueOrDefault(g.Key);
            var who = officer is null ? "执法人员" : $"执法人员 {officer.Name}（{officer.OfficerNo}）";
            found.Add(new Finding(rule.Code, $"officer:{g.Key}", list[^1].ComplaintId.ToString(), agencyId,
                $"{who} 90 日内被投诉 {list.Count} 次",
                [new("执法人员", officer is null ? g.Key.ToString() : $"{officer.Name}（{officer.OfficerNo}）"), new("90 日内投诉", $"{list.Count} 次"),
                    new("阈值", $"≥ {t.Value:0} 次"), new("最近一次", Time(list[^1].ReceivedAt)),
                    new("经调查属实", $"{list.Count(c => c.Finding is "substantiated" or "partly_substantiated")} 次")],
                list.Select(c => $"complaint:{c.ComplaintId}").Prepend($"officer:{g.Key}").ToList()));
        }

        return found;
    }

    internal async Task<IEnumerable<Finding>> StationsAsync(RuleSettings settings, CancellationToken ct)
    {
        var silent = WarningRules.StationSilent;
        var uncertified = WarningRules.StationUncertified;
        var now = clock.GetUtcNow();
        var registered = (await devices.ListAsync([DeviceKind.WimStation, DeviceKind.AnprCamera], ct)).ToDictionary(d => d.Code, StringComparer.Ordinal);
        var found = new List<Finding>();
        foreach (var s in await stations.LastDataAsync(ct))
        {
            if (!registered.TryGetValue(s.Code, out var device))
            {
                continue;
            }

            var kind = s.Kind == DeviceKind.WimStation ? "不停车检测站" : "卡口摄像机";
            var t = settings.For(device.AgencyId, silent);
            if (t.Enabled && StationSilent.Fires(s.LastDataAt, now, t.Value))
            {
                var since = s.LastDataAt is { } last ? $"自 {Time(last)} 起" : "从未";
                found.Add(new Finding(silent.Code, $"station:{s.Code}", s.LastDataAt?.ToUnixTimeMilliseconds().ToString(Invariant) ?? "never", device.AgencyId,
                    $"{kind} {device.Name}（{s.Code}）{since}未上报数据",
                    [new("站点", $"{device.Name}（{s.Code}）"), new("类型", kind), new("最后上报", s.LastDataAt is { } at ? Time(at) : "从未"),
                        new("阈值", $"≥ {t.Value:0} 分钟")],
                    [$"station:{s.Code}"]));
            }

            var u = settings.For(device.AgencyId, uncertified);
            if (u.Enabled && StationUncertified.Fires(s.Certified))
            {
                found.Add(new Finding(uncertified.Code, $"station:{s.Code}", device.CertificateValidUntil is { } until ? Day(until) : "none", device.AgencyId,
                    $"{kind} {device.Name}（{s.Code}）检定证书无效或已过期，数据不能作为执法依据",
                    [new("站点", $"{device.Name}（{s.Code}）"), new("检定证书", device.CertificateNumber ?? "（无）"),
                        new("有效期至", device.CertificateValidUntil is { } d ? Day(d) : "（无）")],
                    [$"station:{s.Code}"]));
            }
        }

        return found;
    }

    internal async Task<IEnumerable<Finding>> IntegrityAsync(RuleSettings settings, CancellationToken ct)
    {
        var rule = WarningRules.EvidenceIntegrity;
        var found = new List<Finding>();
        foreach (var f in await evidence.OpenFindingsAsync(ct))
        {
            var t = settings.For(f.AgencyId, rule);
            if (!t.Enabled || !EvidenceIntegrity.Fires(f.Kind))
            {
                continue;
            }

            var what = f.Kind == "missing" ? "文件缺失" : "文件内容与 SHA-256 不符";
            found.Add(new Finding(rule.Code, $"evidence:{f.EvidenceId}", f.FindingId.ToString(Invariant), f.AgencyId,
                $"证据 {f.FileName ?? f.EvidenceId.ToString()} 完整性校验失败：{what}",
                [new("证据", f.FileName ?? f.EvidenceId.ToString()), new("问题", what), new("发现时间", Time(f.DetectedAt)),
                    new("登记的 SHA-256", f.ExpectedSha256), new("实际 SHA-256", f.ActualSha256 ?? "-")],
                [$"evidence:{f.EvidenceId}"]));
        }

        return found;
    }

    internal async Task<IEnumerable<Finding>> TopOfRangeAsync(RuleSettings settings, CancellationToken ct)
    {
        var rule = WarningRules.OfficerTopOfRange;
        var today = Today;
        var fines = (await cases.DecidedFinesAsync(today.AddDays(-OfficerTopOfRange.WindowDays), today.AddDays(1), ct))
            .Where(f => f.MinFen is { } min && f.MaxFen is { } max && max > min)
            .ToList();
        var byOfficer = fines.SelectMany(f => f.OfficerIds.Select(o => (Officer: o, Fine: f))).GroupBy(x => x.Officer).ToList();
        var names = await officers.FindManyAsync(byOfficer.Select(g => g.Key).ToList(), ct);
        var found = new List<Finding>();
        foreach (var g in byOfficer)
        {
            var list = g.Select(x => x.Fine).OrderBy(f => f.DecidedOn).ThenBy(f => f.CaseId).ToList();
            var officer = names.GetValueOrDefault(g.Key);
            var agencyId = officer?.AgencyId ?? list[^1].AgencyId;
            var t = settings.For(agencyId, rule);
            var top = list.Where(f => OfficerTopOfRange.AtTop(f.FineFen, f.MaxFen!.Value)).ToList();
            if (!t.Enabled || !OfficerTopOfRange.Fires(list.Count, top.Count, t.Value, t.Percent ?? rule.DefaultPercent!.Value))
            {
                continue;
            }

            var who = officer is null ? "执法人员" : $"执法人员 {officer.Name}（{officer.OfficerNo}）";
            var share = Math.Round(top.Count * 100m / list.Count, 1);
            found.Add(new Finding(rule.Code, $"officer:{g.Key}", list[^1].CaseId.ToString(), agencyId,
                $"{who} 30 日内 {list.Count} 件有裁量幅度的罚款中 {top.Count} 件顶格（{share:0.#} %）",
                [new("执法人员", officer is null ? g.Key.ToString() : $"{officer.Name}（{officer.OfficerNo}）"), new("30 日内罚款决定", $"{list.Count} 件"),
                    new("顶格处罚", $"{top.Count} 件"), new("顶格占比", $"{share:0.#} %"),
                    new("阈值", $"≥ {t.Value:0} 件且 ≥ {t.Percent ?? rule.DefaultPercent:0.#} %")],
                top.Select(f => $"case:{f.CaseId}").Prepend($"officer:{g.Key}").ToList()));
        }

        return found;
    }

    internal async Task<IEnumerable<Finding>> FinesAsync(RuleSettings settings, CancellationToken ct)
    {
        var rule = WarningRules.FinesUpViolationsNotDown;
        var today = Today;
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var previousStart = monthStart.AddMonths(-3);
        var finesNow = await cases.FinesByAgencyAsync(monthStart, today.AddDays(1), ct);
        var finesBefore = await cases.FinesByAgencyAsync(previousStart, monthStart, ct);
        var china = LegalClock.ChinaOffset;
        DateTimeOffset At(DateOnly d) => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), china).ToUniversalTime();
        var weighedNow = await overloads.WeighingsAsync(At(monthStart), At(today.AddDays(1)), 0, ct);
        var weighedBefore = await overloads.WeighingsAsync(At(previousStart), At(monthStart), 0, ct);
        var tree = agencies.Current;
        // Fines are decided by teams and weighings belong to the stations' agencies: both meet at the city level (支队), below the province.
        var cities = tree.All.Where(a => a.ParentId is { } p && tree.Find(p)?.ParentId is null).ToList();
        var found = new List<Finding>();
        foreach (var city in cities)
        {
            var t = settings.For(city.Id, rule);
            if (!t.Enabled)
            {
                continue;
            }

            var subtree = tree.Subtree(city.Id);
            var thisMonth = finesNow.Where(f => subtree.Contains(f.AgencyId)).Sum(f => f.FineFen);
            var previousAverage = finesBefore.Where(f => subtree.Contains(f.AgencyId)).Sum(f => f.FineFen) / 3;
            static decimal? Rate(IEnumerable<AgencyWeighings> rows)
            {
                var list = rows.ToList();
                var weighed = list.Sum(r => r.Weighings);
                return weighed == 0 ? null : (decimal)list.Sum(r => r.Overloaded) / weighed;
            }

            var rateNow = Rate(weighedNow.Where(w => subtree.Contains(w.AgencyId)));
            var rateBefore = Rate(weighedBefore.Where(w => subtree.Contains(w.AgencyId)));
            if (!FinesUpViolationsNotDown.Fires(thisMonth, previousAverage, rateNow, rateBefore, t.Value))
            {
                continue;
            }

            var up = FinesUpViolationsNotDown.IncreasePercent(thisMonth, previousAverage)!.Value;
            found.Add(new Finding(rule.Code, $"agency:{city.Id}", monthStart.ToString("yyyy-MM", Invariant), city.Id,
                $"{city.Name} 本月罚款较前三月月均增加 {up:0.#} %，检测站超限率未下降（{rateNow:P2} ≥ {rateBefore:P2}）",
                [new("单位", city.Name), new("本月罚款（截至今日）", Money(thisMonth)), new("前三月月均罚款", Money(previousAverage)), new("增幅", $"{up:0.#} %"),
                    new("本月超限率", $"{rateNow:P2}"), new("前三月超限率", $"{rateBefore:P2}"), new("阈值", $"≥ {t.Value:0.#} %")],
                [$"agency:{city.Id}"]));
        }

        return found;
    }
}
