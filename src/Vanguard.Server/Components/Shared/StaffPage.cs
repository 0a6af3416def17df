using System.Security.Claims;
using AntDesign;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Vanguard.Server.Components.Shared;

/// <summary>
/// What every staff page needs: handlers run as the signed-in user, a token cancelled when the page goes away, the
/// user's permissions and the message toasts.
/// </summary>
public abstract class StaffPage : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _disposed = new();

    [Inject]
    protected StaffOperations Ops { get; set; } = default!;

    [Inject]
    protected IMessageService Toast { get; set; } = default!;

    [Inject]
    protected ILoggerFactory LoggerFactory { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected CancellationToken Ct => _disposed.Token;

    protected ClaimsPrincipal User { get; private set; } = new(new ClaimsIdentity());

    protected async Task<bool> IsAllowedAsync(string policy)
    {
        if (AuthenticationState is null)
        {
            return false;
        }

        User = (await AuthenticationState).User;
        return (await Authorization.AuthorizeAsync(User, policy)).Succeeded;
    }

    /// <summary>Logs a failure nobody expected and gives the text to show instead of a broken page.</summary>
    protected string Unexpected(Exception ex, string what)
    {
        LoggerFactory.CreateLogger(GetType()).LogError(ex, "UI operation failed: {Operation}", what);
        return L.T("操作失败，请稍后重试；如果问题持续存在，请联系系统管理员。", "Something went wrong. Try again later, or contact your administrator if it persists.");
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Cancel only: continuations of work in flight may still read the token.
            _disposed.Cancel();
        }
    }
}
