using Vanguard.Domain.Common;
using Vanguard.Server.Common;

namespace Vanguard.Server.Modules.Surveillance.Watchlists;

/// <summary>布控名单与布控车辆: lists, entries, approval, import. (Skeleton: signatures of docs/surveillance.md.)</summary>
internal sealed class WatchlistHandler
{
    public Task<IReadOnlyList<WatchlistView>> ListsAsync(CancellationToken ct) => throw new NotImplementedException();

    public Task<Result<WatchlistView>> CreateListAsync(CreateWatchlistRequest request, CancellationToken ct) => throw new NotImplementedException();

    public Task<Result<WatchlistView>> UpdateListAsync(Guid id, UpdateWatchlistRequest request, CancellationToken ct) => throw new NotImplementedException();

    public Task<Page<EntryView>> EntriesAsync(EntryQuery query, CancellationToken ct) => throw new NotImplementedException();

    public Task<Result<EntryView>> CreateEntryAsync(CreateEntryRequest request, CancellationToken ct) => throw new NotImplementedException();

    public Task<Result<EntryView>> UpdateEntryAsync(Guid id, UpdateEntryRequest request, CancellationToken ct) => throw new NotImplementedException();

    public Task<Result<EntryView>> ApproveAsync(Guid id, CancellationToken ct) => throw new NotImplementedException();

    public Task<Result<EntryView>> RejectAsync(Guid id, ReasonRequest request, CancellationToken ct) => throw new NotImplementedException();

    public Task<Result<EntryView>> RevokeAsync(Guid id, ReasonRequest request, CancellationToken ct) => throw new NotImplementedException();

    public Task<Result<ImportResult>> ImportAsync(Guid listId, Stream csv, CancellationToken ct) => throw new NotImplementedException();

    public Task<Result<int>> ApproveBatchAsync(Guid batchId, CancellationToken ct) => throw new NotImplementedException();
}
