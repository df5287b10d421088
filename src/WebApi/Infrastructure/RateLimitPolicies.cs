using System.Threading.RateLimiting;
using ChatPlatform.Application.Common.Models;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>
/// Per-address limits on the endpoints that guess passwords or create accounts, and per-user
/// limits (<see cref="UserRateLimits"/>) on what a signed-in user can make the server do.
/// </summary>
internal static class RateLimitPolicies
{
    public const string Login = "login";
    public const string Register = "register";

    public static IServiceCollection AddRateLimitPolicies(this IServiceCollection services)
    {
        services.AddOptions<RateLimitSettings>(Login)
            .Configure<IConfiguration>((settings, configuration) => Read(configuration, "Login", settings, 10, TimeSpan.FromMinutes(1)));
        services.AddOptions<RateLimitSettings>(Register)
            .Configure<IConfiguration>((settings, configuration) => Read(configuration, "Register", settings, 5, TimeSpan.FromHours(1)));
        services.AddOptions<RateLimitSettings>(UserRateLimits.Messages)
            .Configure<IConfiguration>((settings, configuration) => Read(configuration, UserRateLimits.Messages, settings, 30, TimeSpan.FromSeconds(10)));
        services.AddOptions<RateLimitSettings>(UserRateLimits.Rooms)
            .Configure<IConfiguration>((settings, configuration) => Read(configuration, UserRateLimits.Rooms, settings, 10, TimeSpan.FromHours(1)));
        services.AddOptions<RateLimitSettings>(UserRateLimits.Email)
            .Configure<IConfiguration>((settings, configuration) => Read(configuration, UserRateLimits.Email, settings, 5, TimeSpan.FromMinutes(15)));
        services.AddSingleton<UserRateLimits>();

        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Login, context => PerAddress(context, Login));
            options.AddPolicy(Register, context => PerAddress(context, Register));
            options.OnRejected = (context, _) =>
                new ValueTask(RateLimitRefusal.WriteAsync(context.HttpContext, context.Lease, Detail(context.HttpContext)));
        });
    }

    /// <summary>Says which limit was met, so someone trying the API out (README tour) knows what happened.</summary>
    private static string Detail(HttpContext context)
    {
        // The middleware limits only the endpoints that name one of the policies above.
        var policy = context.GetEndpoint()!.Metadata.GetMetadata<EnableRateLimitingAttribute>()!.PolicyName!;
        var settings = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitSettings>>().Get(policy);
        var what = policy == Register ? "accounts registered" : "sign-in attempts";
        return $"Too many {what} from this address: at most {settings.PermitLimit} per {Span(settings.Window)}. Try again after the Retry-After seconds.";
    }

    private static string Span(TimeSpan window) =>
        window.TotalHours >= 1 && window.TotalHours % 1 == 0 ? $"{window.TotalHours:0} hour(s)"
        : window.TotalMinutes >= 1 && window.TotalMinutes % 1 == 0 ? $"{window.TotalMinutes:0} minute(s)"
        : $"{window.TotalSeconds:0} second(s)";

    private static RateLimitPartition<string> PerAddress(HttpContext context, string policy) =>
        RateLimitPartition.GetFixedWindowLimiter(
            policy + ":" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitSettings>>().Get(policy);
                return new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.PermitLimit,
                    Window = settings.Window,
                    QueueLimit = 0,
                };
            });

    private static void Read(IConfiguration configuration, string name, RateLimitSettings settings, int permits, TimeSpan window)
    {
        configuration.GetSection($"RateLimiting:{name}").Bind(settings);
        if (settings.PermitLimit <= 0)
        {
            settings.PermitLimit = permits;
        }

        if (settings.Window <= TimeSpan.Zero)
        {
            settings.Window = window;
        }
    }
}
