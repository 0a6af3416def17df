using Microsoft.EntityFrameworkCore;

namespace Vanguard.Server.Modules.Payments.Data;

public static class PaymentsModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<PaymentOrder>(e =>
        {
            e.ToTable("payments_orders");
            e.HasIndex(x => x.OrderNo).IsUnique();
            e.HasIndex(x => x.PayToken).IsUnique();
            e.HasIndex(x => new { x.CaseId, x.CreatedAt });
            e.HasIndex(x => new { x.Status, x.AmountAsOf });
            // A gateway's transaction pays one order once, however often its callback arrives.
            e.HasIndex(x => new { x.Gateway, x.GatewayTransactionId }).IsUnique();
            e.Property(x => x.OrderNo).HasMaxLength(24);
            e.Property(x => x.CaseNumber).HasMaxLength(64);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.PayToken).HasMaxLength(32);
            e.Property(x => x.Gateway).HasMaxLength(32);
            e.Property(x => x.GatewayTransactionId).HasMaxLength(64);
            e.Property(x => x.ReturnUrl).HasMaxLength(500);
            e.Property(x => x.PayUrl).HasMaxLength(500);
            e.Property(x => x.Payee).HasMaxLength(100);
            e.Property(x => x.FailureCode).HasMaxLength(64);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        b.Entity<PaymentCallback>(e =>
        {
            e.ToTable("payments_callbacks");
            e.HasIndex(x => new { x.Gateway, x.Nonce });
            e.HasIndex(x => x.OrderId);
            e.HasIndex(x => x.ReceivedAt);
            e.Property(x => x.Gateway).HasMaxLength(32);
            e.Property(x => x.BodySha256).HasMaxLength(64);
            e.Property(x => x.OrderNo).HasMaxLength(24);
            e.Property(x => x.TransactionId).HasMaxLength(64);
            e.Property(x => x.Nonce).HasMaxLength(64);
            e.Property(x => x.Outcome).HasMaxLength(64);
        });
    }
}
