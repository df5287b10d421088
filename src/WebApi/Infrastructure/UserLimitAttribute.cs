using ChatPlatform.Application.Common.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>
/// Marks an action that spends one permit of a per-user limit of <see cref="UserRateLimits"/>,
/// and takes it before the body is read. A filter on the marked actions only, rather than a
/// global limiter in the rate limiter middleware, which every request would enter.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class UserLimitAttribute(string limit) : Attribute, IAsyncResourceFilter
{
    public string Limit { get; } = limit;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        // Every marked action requires a signed-in user; authorization has run before any filter.
        var userId = http.User.FindFirst(AccessTokenClaims.Subject)?.Value ?? throw new InvalidOperationException("A user limit needs a signed-in user.");
        using var lease = http.RequestServices.GetRequiredService<UserRateLimits>().AttemptAcquire(Limit, userId);
        if (!lease.IsAcquired)
        {
            await RateLimitRefusal.WriteAsync(http, lease, "Too many requests; try again later.");
            context.Result = new EmptyResult();
            return;
        }

        await next();
    }
}
