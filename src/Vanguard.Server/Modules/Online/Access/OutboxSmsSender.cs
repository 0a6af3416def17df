using Vanguard.Server.Data;
using Vanguard.Server.Modules.Online.Contracts;
using Vanguard.Server.Modules.Online.Data;

namespace Vanguard.Server.Modules.Online.Access;

/// <summary>The default <see cref="ISmsSender"/>: the message is stored in <c>online_sms_outbox</c> (with the caller's next save) for the operator's gateway.</summary>
internal sealed class OutboxSmsSender(VanguardDbContext db, TimeProvider clock) : ISmsSender
{
    public Task SendAsync(string phone, string text, string purpose, CancellationToken ct)
    {
        db.Add(new OnlineSmsMessage { Id = Guid.CreateVersion7(), Phone = phone, Text = text, Purpose = purpose, CreatedAt = clock.GetUtcNow() });
        return Task.CompletedTask;
    }
}
