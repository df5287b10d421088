using ChatPlatform.Application.Common.Models;
using ChatPlatform.WebApi.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace ChatPlatform.WebApi.Hubs;

/// <summary>
/// The per-user limits on the hub: <c>SendMessage</c> takes a permit from the same message limit
/// as REST, <c>Typing</c> is relayed at most once per 2 s per room (extra calls return normally),
/// and a connection over <see cref="ChatSettings.MaxConnectionsPerUser"/> is closed at once.
/// </summary>
internal sealed class HubUserLimits(UserRateLimits limits, TypingThrottle typing, HubConnectionQuota quota, ILogger<HubUserLimits> logger)
    : IHubFilter
{
    private const string CountedKey = "chatplatform.counted";

    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var userId = invocationContext.Context.UserIdentifier ?? string.Empty;
        switch (invocationContext.HubMethodName)
        {
            case nameof(ChatHub.SendMessage):
                using (var lease = limits.AttemptAcquire(UserRateLimits.Messages, userId))
                {
                    if (!lease.IsAcquired)
                    {
                        throw new HubException(ErrorCodes.RateLimited);
                    }
                }

                break;
            case nameof(ChatHub.Typing)
                when invocationContext.HubMethodArguments is [string room, ..] && !typing.TryPass(userId, room):
                return null;
        }

        return await next(invocationContext);
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var userId = context.Context.UserIdentifier ?? string.Empty;
        if (!quota.TryOpen(userId))
        {
            // Negotiate refuses most of these with a 429; this catches connections that skipped it or raced.
            logger.LogInformation("Hub connection refused: user {UserId} has the most connections allowed", userId);
            context.Context.Abort();
            return;
        }

        context.Context.Items[CountedKey] = true;
        try
        {
            await next(context);
        }
        catch
        {
            context.Context.Items.Remove(CountedKey);
            quota.Close(userId);
            throw;
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (context.Context.Items.Remove(CountedKey))
        {
            quota.Close(context.Context.UserIdentifier ?? string.Empty);
            await next(context, exception);
        }
    }
}
