namespace Vanguard.Server.Common;

/// <summary>A page of a list: <c>?page=1&amp;pageSize=20</c>, at most 200 a page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int MaxPageSize = 200;

    public static PageRequest From(int? page, int? pageSize) =>
        new(Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 20, 1, MaxPageSize));

    public int Skip => (Page - 1) * PageSize;
}
