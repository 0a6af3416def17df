using System.Text.Json;
using Vanguard.Domain.Performance;

namespace Vanguard.Server.Modules.Performance.Catalogue;

/// <summary>A new catalogue version or a draft's replacement: the whole tree (nulls are reported as missing, never crash).</summary>
public sealed record CatalogueRequest(string? Note, IReadOnlyList<GroupRequest?>? Groups, int? Version = null);

public sealed record GroupRequest(string? Code, string? Name, decimal? Weight, IReadOnlyList<IndicatorRequest?>? Indicators);

public sealed record IndicatorRequest(
    string? Code, string? Name, string? Definition, string? Formula, decimal? Weight, string? SourceKey, DeductionRule? Rule);

/// <summary>
/// A catalogue version with its tree; <see cref="IndicatorView.Measured"/> says whether the platform has a data source for the
/// indicator yet (false: scored as full marks with the note "暂无数据").
/// </summary>
public sealed record CatalogueView(
    int Number, string Status, string? Note, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? PublishedAt, int Version,
    decimal TotalWeight, IReadOnlyList<GroupView> Groups);

public sealed record GroupView(string Code, string Name, decimal Weight, IReadOnlyList<IndicatorView> Indicators);

public sealed record IndicatorView(
    string Code, string Name, string Definition, string Formula, decimal Weight, string SourceKey, DeductionRule Rule, bool Measured);

public sealed record CatalogueSummary(int Number, string Status, string? Note, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? PublishedAt);

internal static class PerformanceJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidOperationException($"Stored performance JSON of {typeof(T).Name} is null.");

    public static IndicatorCatalogue ToDomain(CatalogueRequest request) => new(
        (request.Groups ?? []).Select(g => new IndicatorGroup(
            g?.Code ?? "", g?.Name ?? "", g?.Weight ?? 0m,
            (g?.Indicators ?? []).Select(i => new Indicator(
                i?.Code ?? "", i?.Name ?? "", i?.Definition ?? "", i?.Formula ?? "", i?.Weight ?? 0m, i?.SourceKey ?? "",
                i?.Rule ?? new DeductionRule(""))).ToList())).ToList());
}
