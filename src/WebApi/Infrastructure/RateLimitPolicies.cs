using System.Globalization;
using System.Threading.RateLimiting;
using ChatPlatform.Application.Common.Models;
using Microsoft.AspNetCore.RateLimiting;

namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>Per-address limits on the endpoints that guess passwords or create accounts.</summary>
internal static class RateLimitPolicies
{
    public const string Login = "login";
    public const string Register = "register";

    public static IServiceCollection AddRateLimitPolicies(this IServiceCollection services, IConfiguration configuration)
    {
        var login = Read(configuration, "Login", permits: 10, window: TimeSpan.FromMinutes(1));
        var register = Read(configuration, "Register", permits: 5, window: TimeSpan.FromHours(1));

        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Login, context => PerAddress(context, Login, login));
            options.AddPolicy(Register, context => PerAddress(context, Register, register));
            options.OnRejected = async (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter =
                        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await ProblemResponses.WriteAsync(
                    context.HttpContext,
                    ProblemResponses.Create(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, "Too many requests; try again later."));
            };
        });
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, string policy, RateLimitSettings settings) =>
        RateLimitPartition.GetFixedWindowLimiter(
            policy + ":" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.PermitLimit,
                Window = settings.Window,
                QueueLimit = 0,
            });

    private static RateLimitSettings Read(IConfiguration configuration, string name, int permits, TimeSpan window)
    {
        var settings = configuration.GetSection($"RateLimiting:{name}").Get<RateLimitSettings>() ?? new RateLimitSettings();
        if (settings.PermitLimit <= 0)
        {
            settings.PermitLimit = permits;
        }

        if (settings.Window <= TimeSpan.Zero)
        {
            settings.Window = window;
        }

        return settings;
    }
}
