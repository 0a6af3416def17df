using Vanguard.Domain.Common;
using Vanguard.Server.Common;

namespace Vanguard.Server.Modules.Surveillance.Alerts;

/// <summary>布控预警: list, dispatch, close, precision, the command summary. (Skeleton: signatures of docs/surveillance.md.)</summary>
internal sealed class AlertHandler
{
    public Task<Page<AlertView>> ListAsync(AlertQuery query, CancellationToken ct) => throw new NotImplementedException();

    public Task<Result<AlertView>> GetAsync(Guid id, CancellationToken ct) => throw new NotImplementedException();

    public Task<Result<AlertView>> DispatchAsync(Guid id, DispatchAlertRequest request, CancellationToken ct) => throw new NotImplementedException();

    public Task<Result<AlertView>> CloseAsync(Guid id, CloseAlertRequest request, CancellationToken ct) => throw new NotImplementedException();

    public Task<PrecisionReport> PrecisionAsync(DateOnly from, DateOnly to, CancellationToken ct) => throw new NotImplementedException();

    public Task<CommandSummary> SummaryAsync(CancellationToken ct) => throw new NotImplementedException();
}
