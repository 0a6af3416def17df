namespace Vanguard.Domain.Warnings;

/// <summary>检测站点离线: a WIM station or plate camera that has sent nothing for at least <see cref="WarningThresholds.Value"/> minutes (default 60), or never.</summary>
public sealed class StationSilent : WarningRule
{
    public override string Code => "station_silent";

    public override string NameZh => "检测站点离线";

    public override string NameEn => "Station silent";

    public override string Protects => "非现场执法的前提：不停车检测设施持续正常运行、数据实时上传（检测数据是执法证据）";

    public override string ThresholdZh => "连续 N 分钟未上报数据";

    public override decimal DefaultValue => 60m;

    public override int DefaultResponseDays => 2;

    public override bool SelfClearing => true;

    public static bool Fires(DateTimeOffset? lastDataAt, DateTimeOffset now, decimal minutes) =>
        lastDataAt is not { } last || (now - last).TotalMinutes >= (double)minutes;
}

/// <summary>检定失效: a measuring station whose 检定 certificate does not cover today; its weighings cannot be evidence (行政处罚法 art. 41).</summary>
public sealed class StationUncertified : WarningRule
{
    public override string Code => "station_uncertified";

    public override string NameZh => "检测站点检定失效";

    public override string NameEn => "Station not certified";

    public override string Protects => "《行政处罚法》第四十一条：电子技术监控设备应当经过法制和技术审核，符合标准、设置合理";

    public override string ThresholdZh => "检定证书失效（无阈值）";

    public override decimal DefaultValue => 0m;

    public override bool SelfClearing => true;

    public override bool HasThreshold => false;

    public static bool Fires(bool certified) => !certified;
}

/// <summary>证据完整性校验失败: an evidence file that no longer matches its SHA-256 or is gone, found by the evidence module's integrity job.</summary>
public sealed class EvidenceIntegrity : WarningRule
{
    public override string Code => "evidence_integrity";

    public override string NameZh => "证据完整性校验失败";

    public override string NameEn => "Evidence integrity check failed";

    public override string Protects => "《行政处罚法》第四十七条：对行政处罚全过程记录，归档保存（记录须保持原样、可供核验）";

    public override string ThresholdZh => "哈希校验不符或文件缺失（无阈值）";

    public override decimal DefaultValue => 0m;

    public override int DefaultResponseDays => 1;

    public override bool SelfClearing => true;

    public override bool HasThreshold => false;

    public static bool Fires(string kind) => kind is "mismatch" or "missing";
}

/// <summary>
/// 罚款增加而违法未减少: per city-level agency, the fines decided this month (to date) are at least <see cref="WarningThresholds.Value"/> %
/// (default 30 %) above the average of the previous three months, while the off-site overload rate is not lower than theirs — the
/// speech's "以违法行为减少而非罚款多少论成效". No warning without fines in the previous months or without weighings in both periods.
/// </summary>
public sealed class FinesUpViolationsNotDown : WarningRule
{
    public override string Code => "fines_up_violations_not_down";

    public override string NameZh => "罚款增加而违法未减少";

    public override string NameEn => "Fines up while violations are not down";

    public override string Protects => "“以违法行为减少而非罚款多少论成效”；严禁下达或变相下达罚没指标";

    public override string ThresholdZh => "本月罚款较前三月月均增加不低于 N %";

    public override decimal DefaultValue => 30m;

    public override int DefaultResponseDays => 5;

    /// <summary>The increase in %, or null when the previous months had no fines to compare with.</summary>
    public static decimal? IncreasePercent(long thisMonthFen, long previousAverageFen) =>
        previousAverageFen <= 0 ? null : Math.Round((thisMonthFen - previousAverageFen) * 100m / previousAverageFen, 2);

    /// <param name="rateNow">Overloaded ÷ weighed this month; null without weighings.</param>
    /// <param name="ratePrevious">The same over the previous three months; null without weighings.</param>
    public static bool Fires(long thisMonthFen, long previousAverageFen, decimal? rateNow, decimal? ratePrevious, decimal percent) =>
        IncreasePercent(thisMonthFen, previousAverageFen) is { } up && up >= percent
        && rateNow is { } now && ratePrevious is { } before && now >= before;
}
