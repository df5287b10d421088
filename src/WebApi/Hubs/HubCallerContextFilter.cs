using ChatPlatform.WebApi.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace ChatPlatform.WebApi.Hubs;

/// <summary>
/// Gives each hub call's scope its <see cref="CallerContext"/>: the connection's HTTP context,
/// whose user is the token's, so use cases see the same caller over the hub as over HTTP.
/// </summary>
internal sealed class HubCallerContextFilter : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        Set(invocationContext.ServiceProvider, invocationContext.Context);
        return next(invocationContext);
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        Set(context.ServiceProvider, context.Context);
        return next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        Set(context.ServiceProvider, context.Context);
        return next(context, exception);
    }

    private static void Set(IServiceProvider services, HubCallerContext caller) =>
        services.GetRequiredService<CallerContext>().HttpContext = caller.GetHttpContext();
}
