using Microsoft.EntityFrameworkCore;
using Vanguard.Domain.Supervision;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Supervision.Features;

namespace Vanguard.Server.Modules.Supervision.Demo;

/// <summary>
/// Three "八六四" inspections for the demo province in the last days before the start: an officer of the 中牟 team without a
/// body camera (the officer and the 大队长 held accountable), the 中原 station found clean, and a serious breach by an officer of
/// 宛城 (up to the transport authority), whose officer record is already handled with 批评教育. They go through the inspection
/// rules, so the accountability records and the performance source see them as any other. Idempotent by a platform setting.
/// </summary>
internal sealed class SupervisionDemoSeeder(VanguardDbContext db, IAgencyDirectory agencies, IOfficerDirectory officers, InspectionHandler inspections, TimeProvider clock)
{
    public const string SeededKey = "demo.supervision.seeded";

    /// <summary>The demo province's own marker (Organisation's demo seeder writes it): no demo inspections on a real platform.</summary>
    private const string ProvinceSeededKey = "demo.seeded";

    private const string Inspector = "督查组（演示）";

    public async Task SeedAsync(CancellationToken ct)
    {
        var settings = await db.PlatformSettings.Select(s => s.Key).Where(k => k == SeededKey || k == ProvinceSeededKey).ToListAsync(ct);
        if (!settings.Contains(ProvinceSeededKey) || settings.Contains(SeededKey))
        {
            return;
        }

        var today = LegalClock.Today(clock);
        if (await OfficerOfAsync("410122", ct) is { } zhongmou)
        {
            await inspections.CreateAsync(new CreateInspectionRequest(zhongmou, null, today.AddDays(-3), "中牟县郑开大道白沙治超检查点", false, "随机抽查。",
            [
                new("b1", ItemResult.Compliant, null, null, null),
                new("b2", ItemResult.Compliant, null, null, null),
                new("b3", ItemResult.Compliant, null, null, null),
                new("b4", ItemResult.Breach, "检查时未佩戴执法记录仪，现场执法过程无视频记录。", null, null),
                new("y1", ItemResult.Compliant, null, null, null),
            ]), ct, Inspector);
        }

        if (agencies.Current.FindByCode("410102-01") is not null)
        {
            await inspections.CreateAsync(new CreateInspectionRequest(null, "410102-01", today.AddDays(-5), "中原区超限检测站", false, null,
                EightSixFourDiscipline.Items.Select(i => new InspectionItemRequest(i.Code, ItemResult.Compliant, null, null, null)).ToList()), ct, Inspector);
        }

        if (await OfficerOfAsync("411302", ct) is { } wancheng)
        {
            var result = await inspections.CreateAsync(new CreateInspectionRequest(wancheng, null, today.AddDays(-2), "宛城区312国道执法点", true,
                "当事人投诉后经媒体报道，造成不良社会影响。",
            [
                new("b3", ItemResult.Breach, "执法过程中对当事人言语粗暴，视频经网络传播。", null, null),
                new("b4", ItemResult.Compliant, null, null, null),
            ]), ct, Inspector);
            if (result.IsSuccess && result.Value.Accountability.FirstOrDefault(a => a.Level == AccountabilityLevel.Officer) is { } officerRecord)
            {
                await inspections.MeasureAsync(officerRecord.Id, new MeasureRequest("criticism", "已约谈并责令书面检查。", officerRecord.Version), ct);
            }
        }

        db.PlatformSettings.Add(new PlatformSetting { Key = SeededKey, Value = clock.GetUtcNow().ToString("O") });
        await db.SaveChangesAsync(ct);
    }

    private async Task<Guid?> OfficerOfAsync(string agencyCode, CancellationToken ct) =>
        agencies.Current.FindByCode(agencyCode) is { } agency
            ? (await officers.InAgencyAsync(agency.Id, ct)).OrderBy(o => o.OfficerNo, StringComparer.Ordinal).LastOrDefault()?.Id
            : null;
}
