using ChatPlatform.Application.Common.Models;
using ChatPlatform.WebApi.Infrastructure;

namespace ChatPlatform.WebApi.Hubs;

/// <summary>A user at <see cref="ChatSettings.MaxConnectionsPerUser"/> open connections gets 429 <c>rate_limited</c> on negotiate.</summary>
internal sealed class HubConnectionLimit(RequestDelegate next, HubConnectionQuota quota)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(ChatHub.Path + "/negotiate")
            && context.User.FindFirst(AccessTokenClaims.Subject)?.Value is { } userId
            && quota.IsFull(userId))
        {
            // Connections close at any moment; a short wait is a fair hint.
            context.Response.Headers.RetryAfter = "5";
            return ProblemResponses.WriteAsync(
                context,
                ProblemResponses.Create(
                    StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited, "Too many hub connections open; close one first.")).AsTask();
        }

        return next(context);
    }
}
