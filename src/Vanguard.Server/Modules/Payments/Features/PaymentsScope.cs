using Vanguard.Domain.Common;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Payments.Contracts;
using Vanguard.Server.Modules.Payments.Data;

namespace Vanguard.Server.Modules.Payments.Features;

/// <summary>
/// Runs payment work in a DI scope of its own that acts as the platform (as the evidence jobs do): the party has no
/// account and the gateway no user, yet the order and the case must be found and changed. Do not call it from inside an
/// open transaction of another context: on SQLite the two would wait for each other at the write gate.
/// </summary>
internal sealed class PaymentsScope(IServiceScopeFactory scopes)
{
    public async Task<T> RunAsync<T>(Func<PaymentEngine, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().SetSystem();
        return await work(scope.ServiceProvider.GetRequiredService<PaymentEngine>());
    }
}

/// <summary>
/// <see cref="IPayments"/> for the portal and the terminal. It does not ask who is calling: the portal lets a party pay
/// after the notice code, the terminal an officer in jurisdiction; paying someone's fine for them harms no one.
/// </summary>
internal sealed class PaymentsService(PaymentsScope scope, IEnumerable<Gateways.IPaymentGateway> gateways) : IPayments
{
    public bool Available => gateways.Any();

    public Task<Result<AmountDue>> AmountDueAsync(Guid caseId, CancellationToken ct) => scope.RunAsync(e => e.AmountDueAsync(caseId, ct));

    public Task<Result<PaymentOrderView>> CreateOrderAsync(Guid caseId, string returnUrl, CancellationToken ct) =>
        scope.RunAsync(e => e.CreateOrderAsync(caseId, returnUrl, ct));

    public Task<Result<PaymentOrderView>> FindOrderAsync(Guid orderId, CancellationToken ct) => scope.RunAsync(e => e.FindOrderAsync(orderId, ct));

    /// <summary>For the gateway's own page: the order by its public token (never by its number), as stored.</summary>
    public Task<PaymentOrder?> FindByPayTokenAsync(string payToken, CancellationToken ct) => scope.RunAsync(e => e.FindByPayTokenAsync(payToken, ct));
}
