using Vanguard.Domain.Common;
using Vanguard.Server.Common;

namespace Vanguard.Server.Modules.Surveillance.Suspects;

/// <summary>热点区域、研判规则、疑似车辆. (Skeleton: signatures of docs/surveillance.md.)</summary>
internal sealed class SuspectHandler
{
    public Task<IReadOnlyList<HotspotView>> HotspotsAsync(CancellationToken ct) => throw new NotImplementedException();

    public Task<Result<HotspotView>> CreateHotspotAsync(HotspotRequest request, CancellationToken ct) => throw new NotImplementedException();

    public Task<Result<HotspotView>> UpdateHotspotAsync(Guid id, HotspotRequest request, CancellationToken ct) => throw new NotImplementedException();

    public Task<IReadOnlyList<RuleView>> RulesAsync(CancellationToken ct) => throw new NotImplementedException();

    public Task<Result<RuleView>> CreateRuleAsync(RuleRequest request, CancellationToken ct) => throw new NotImplementedException();

    public Task<Result<RuleView>> UpdateRuleAsync(Guid id, RuleRequest request, CancellationToken ct) => throw new NotImplementedException();

    public Task<Result<RunResult>> RunRuleAsync(Guid id, CancellationToken ct) => throw new NotImplementedException();

    public Task<Page<SuspectView>> SuspectsAsync(SuspectQuery query, CancellationToken ct) => throw new NotImplementedException();

    public Task<Result<SuspectView>> GetSuspectAsync(Guid id, CancellationToken ct) => throw new NotImplementedException();

    public Task<Result<SuspectView>> PromoteAsync(Guid id, PromoteRequest request, CancellationToken ct) => throw new NotImplementedException();

    public Task<Result<SuspectView>> DismissAsync(Guid id, DismissRequest request, CancellationToken ct) => throw new NotImplementedException();
}
