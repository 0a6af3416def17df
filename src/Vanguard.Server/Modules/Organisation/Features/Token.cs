using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Vanguard.Domain.Common;
using Vanguard.Server.Common;
using Vanguard.Server.Data;
using Vanguard.Server.Modules.Audit.Contracts;
using Vanguard.Server.Modules.Organisation.Contracts;
using Vanguard.Server.Modules.Organisation.Data;

namespace Vanguard.Server.Modules.Organisation.Features;

public sealed record TokenRequest(string? Username, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

/// <summary><c>POST /api/v1/auth/token</c>: a bearer token for terminals and API clients.</summary>
internal static class TokenEndpoint
{
    public static readonly Error InvalidCredentials = new(
        "auth.invalid_credentials", "用户名或密码错误。", "Wrong username or password.", ErrorKind.Unauthorized);

    public static readonly Error LockedOut = new(
        "auth.locked_out", "密码错误次数过多，账号已被临时锁定，请稍后再试或联系管理员。",
        "Too many failed attempts; the account is locked for a while.", ErrorKind.Unauthorized);

    public static readonly Error RefreshInvalid = new(
        "auth.refresh_invalid", "登录已过期或已失效，请重新登录。", "The refresh token is expired, revoked or invalid; sign in again.", ErrorKind.Unauthorized);

    public static void MapToken(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/token", HandleAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Login)
            .WithTags("Auth")
            .WithSummary("Exchange a username and password for a bearer token.");
        api.MapPost("/auth/refresh", RefreshAsync)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Login)
            .WithTags("Auth")
            .WithSummary("Exchange a refresh token for a new access and refresh token (the terminal stays signed in through a shift).");
        // A person's: a device key has no refresh tokens to revoke (and no account behind it).
        api.MapPost("/auth/logout", LogoutAsync)
            .RequireAuthorization(Policies.Person)
            .WithTags("Auth")
            .WithSummary("Revoke the caller's refresh tokens (the security stamp changes); the access token lives until it expires.");
    }

    /// <summary>
    /// Identity's bearer tokens are self-contained tickets and cannot be revoked one by one: sign-out changes the account's
    /// security stamp, which makes every refresh token issued to it so far invalid (on all its devices). The access token
    /// in hand stays valid until it expires (at most an hour).
    /// </summary>
    private static async Task<NoContent> LogoutAsync(HttpContext http, SignInManager<StaffUser> signIn)
    {
        if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }

        return TypedResults.NoContent();
    }

    /// <summary>
    /// As ASP.NET Core Identity's own <c>/refresh</c> (MapIdentityApi): the refresh token is a ticket protected by the bearer
    /// scheme; it is refused when expired, or when the account's security stamp changed since (password reset, lock-out,
    /// roles changed), or when the account is gone or locked out.
    /// </summary>
    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, HttpContext http, SignInManager<StaffUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
        {
            return Validator.Invalid("refreshToken", "required", "刷新令牌不能为空。", "The refresh token is required.").ToProblem(http);
        }

        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user
            || await signIn.UserManager.IsLockedOutAsync(user))
        {
            return RefreshInvalid.ToProblem(http);
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> HandleAsync(
        TokenRequest request, HttpContext http, SignInManager<StaffUser> signIn, IAuditLog audit, VanguardDbContext db)
    {
        var check = new Validator()
            .Require("username", request.Username, "用户名", "Username")
            .Require("password", request.Password, "密码", "Password");
        if (!check.IsValid)
        {
            return check.ToError().ToProblem(http);
        }

        var outcome = await PasswordCheck.CheckAsync(signIn, request.Username!, request.Password!, audit, db, http.RequestAborted);
        if (!outcome.IsSuccess)
        {
            return outcome.Error!.ToProblem(http);
        }

        var principal = await signIn.CreateUserPrincipalAsync(outcome.Value);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}

/// <summary>The password check shared by the token endpoint and the web login: lock-out and audit in one place.</summary>
internal static class PasswordCheck
{
    public static async Task<Result<StaffUser>> CheckAsync(
        SignInManager<StaffUser> signIn, string username, string password, IAuditLog audit, VanguardDbContext db, CancellationToken ct)
    {
        var user = await signIn.UserManager.FindByNameAsync(username.Trim());
        if (user is null)
        {
            return TokenEndpoint.InvalidCredentials;
        }

        var who = new AuditActor("person", user.Id.ToString(), user.DisplayName, user.AgencyId);
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        var (action, error) = result switch
        {
            { Succeeded: true } => ("auth.login", null),
            { IsLockedOut: true } => ("auth.login_locked_out", TokenEndpoint.LockedOut),
            _ => ("auth.login_failed", TokenEndpoint.InvalidCredentials),
        };
        audit.RecordFor(who, action, "user", user.Id.ToString());
        await db.SaveChangesAsync(ct);
        return error is null ? user : error;
    }
}
