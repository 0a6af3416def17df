using Microsoft.EntityFrameworkCore;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Payments.Contracts;
using Vanguard.Server.Modules.Payments.Data;

namespace Vanguard.Server.Modules.Payments.Features;

/// <summary>A case's payment orders for staff (the API and the case page): the caller's context, so jurisdiction applies.</summary>
internal sealed class PaymentOrders(VanguardDbContext db)
{
    public async Task<List<PaymentOrderView>> OfCaseAsync(Guid caseId, CancellationToken ct)
    {
        var orders = await db.Set<PaymentOrder>().AsNoTracking().Where(o => o.CaseId == caseId).ToListAsync(ct);
        return orders.OrderByDescending(o => o.OrderNo, StringComparer.Ordinal).Select(PaymentEngine.View).ToList();
    }
}
