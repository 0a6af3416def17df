using Vanguard.Domain.Common;

namespace Vanguard.Domain.Performance;

/// <summary>
/// One scoring item (评分项): what it measures, how it is computed (formula text for the public), its points, the key of the
/// platform data source that measures it, and how it loses points.
/// </summary>
public sealed record Indicator(
    string Code, string Name, string Definition, string Formula, decimal Weight, string SourceKey, DeductionRule Rule);

/// <summary>A group of indicators (时效 / 精准 / 公开 …); its weight is the sum of its indicators'.</summary>
public sealed record IndicatorGroup(string Code, string Name, decimal Weight, IReadOnlyList<Indicator> Indicators);

/// <summary>The indicator tree: groups of indicators whose weights sum to 100 (百分制).</summary>
public sealed record IndicatorCatalogue(IReadOnlyList<IndicatorGroup> Groups)
{
    public const decimal TotalPoints = 100m;

    public const int MaxCodeLength = 64;

    public IEnumerable<Indicator> Indicators => Groups.SelectMany(g => g.Indicators);

    /// <summary>
    /// The catalogue's problems (field path → errors); empty when it can be published: at least one group, unique codes,
    /// positive weights with at most two decimals, each group's weight the sum of its indicators', the groups summing to 100,
    /// every indicator named, defined, with a formula and a data source, and a sound rule.
    /// </summary>
    public IReadOnlyDictionary<string, FieldError[]> Validate()
    {
        var errors = new Dictionary<string, List<FieldError>>();
        void Add(string field, string code, string zh, string en)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(new FieldError(code, zh, en));
        }

        if (Groups.Count == 0)
        {
            Add("groups", "required", "指标体系至少要有一个指标组。", "The catalogue needs at least one group.");
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < Groups.Count; g++)
        {
            var group = Groups[g];
            var gp = $"groups[{g}]";
            CheckCode($"{gp}.code", group.Code);
            CheckText($"{gp}.name", group.Name, "指标组名称", "Group name");
            CheckWeight($"{gp}.weight", group.Weight);
            if (group.Indicators.Count == 0)
            {
                Add($"{gp}.indicators", "required", "每个指标组至少要有一个指标。", "Each group needs at least one indicator.");
            }
            else if (group.Indicators.Sum(i => i.Weight) != group.Weight)
            {
                Add($"{gp}.weight", "sum_mismatch",
                    $"指标组“{group.Name}”的分值 {group.Weight} 不等于其下指标分值之和 {group.Indicators.Sum(i => i.Weight)}。",
                    $"Group {group.Code} weighs {group.Weight} but its indicators sum to {group.Indicators.Sum(i => i.Weight)}.");
            }

            for (var i = 0; i < group.Indicators.Count; i++)
            {
                var indicator = group.Indicators[i];
                var ip = $"{gp}.indicators[{i}]";
                CheckCode($"{ip}.code", indicator.Code);
                CheckText($"{ip}.name", indicator.Name, "指标名称", "Indicator name");
                CheckText($"{ip}.definition", indicator.Definition, "指标定义", "Definition");
                CheckText($"{ip}.formula", indicator.Formula, "计算公式", "Formula");
                CheckText($"{ip}.sourceKey", indicator.SourceKey, "数据来源", "Data source");
                CheckWeight($"{ip}.weight", indicator.Weight);
                if (indicator.Rule is null)
                {
                    Add($"{ip}.rule", "required", "请设置扣分规则。", "A deduction rule is required.");
                }
                else
                {
                    foreach (var (field, zh, en) in indicator.Rule.Validate(indicator.Weight))
                    {
                        Add($"{ip}.rule.{field}", "invalid", zh, en);
                    }
                }
            }
        }

        var total = Groups.Sum(g => g.Weight);
        if (Groups.Count > 0 && total != TotalPoints)
        {
            Add("groups", "sum_not_100", $"各指标组分值之和须为 100 分，现为 {total} 分。", $"The groups must sum to 100 points; they sum to {total}.");
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

        void CheckCode(string field, string? code)
        {
            if (string.IsNullOrWhiteSpace(code) || code.Length > MaxCodeLength || !code.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.'))
            {
                Add(field, "invalid_code", "编码须为小写字母、数字、下划线或点，且不超过 64 个字符。",
                    "A code is lower-case letters, digits, '_' or '.', at most 64 characters.");
            }
            else if (!codes.Add(code))
            {
                Add(field, "duplicate", $"编码“{code}”重复。", $"The code {code} is used twice.");
            }
        }

        void CheckText(string field, string? text, string zh, string en)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                Add(field, "required", $"请填写{zh}。", $"{en} is required.");
            }
        }

        void CheckWeight(string field, decimal weight)
        {
            if (weight <= 0m || weight > TotalPoints || decimal.Round(weight, 2) != weight)
            {
                Add(field, "invalid_weight", "分值须大于 0、不超过 100，最多两位小数。", "A weight is above 0, at most 100, with at most two decimals.");
            }
        }
    }
}
