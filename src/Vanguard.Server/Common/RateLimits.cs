using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Vanguard.Server.Hosting;
using Vanguard.Server.Modules.Organisation.Contracts;

namespace Vanguard.Server.Common;

/// <summary>Rate limits on the doors that attract abuse: password checks and the public forms (per address), device ingest (per key).</summary>
public static class RateLimits
{
    public const string Login = "login";

    /// <summary>The public doors (pages and APIs read or posted to without signing in), per address, apart from the sign-ins.</summary>
    public const string Public = "public";
    public const string Device = "device";

    public static IServiceCollection AddVanguardRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, ct) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                var problem = Problems.Build(Problems.ForStatus(429), context.HttpContext, StatusCodes.Status429TooManyRequests);
                await TypedResults.Problem(problem).ExecuteAsync(context.HttpContext);
            };
            limiter.AddPolicy(Login, http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<VanguardOptions>>().Value.RateLimits;
                return RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.LoginPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            limiter.AddPolicy(Public, http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<VanguardOptions>>().Value.RateLimits;
                return RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PublicPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            limiter.AddPolicy(Device, http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<VanguardOptions>>().Value.RateLimits;
                var key = http.Request.Headers[Schemes.DeviceKeyHeader].ToString();
                return RateLimitPartition.GetTokenBucketLimiter(
                    string.IsNullOrEmpty(key) ? "anonymous" : Modules.Organisation.Auth.DeviceKeys.Hash(key),
                    _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = options.DevicePerSecond,
                        TokensPerPeriod = options.DevicePerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                    });
            });
        });
        return services;
    }
}
