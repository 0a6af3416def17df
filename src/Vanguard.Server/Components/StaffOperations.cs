using Microsoft.AspNetCore.Components.Authorization;
using Vanguard.Server.Modules.Organisation;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Components;

/// <summary>
/// Runs one UI operation in its own DI scope as the signed-in user: a Blazor circuit lives for hours, a DbContext
/// should live for one operation, and jurisdiction must follow the user, not the circuit.
/// </summary>
public sealed class StaffOperations(IServiceScopeFactory scopes, AuthenticationStateProvider authentication)
{
    public async Task<TResult> RunAsync<THandler, TResult>(Func<THandler, Task<TResult>> operation)
        where THandler : notnull
    {
        var state = await authentication.GetAuthenticationStateAsync();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<PrincipalAccessor>().Set(state.User);
        return await operation(scope.ServiceProvider.GetRequiredService<THandler>());
    }
}
