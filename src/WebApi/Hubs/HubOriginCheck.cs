using ChatPlatform.Application.Common.Models;
using ChatPlatform.WebApi.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace ChatPlatform.WebApi.Hubs;

/// <summary>
/// Refuses hub requests (negotiate and WebSocket upgrades) that a browser sent from a page of a
/// foreign origin: WebSockets are not subject to CORS, so without this any site could open a
/// connection with a token it obtained. No Origin header means a non-browser client.
/// </summary>
internal sealed class HubOriginCheck(RequestDelegate next, IConfiguration configuration)
{
    private readonly HashSet<string> _allowed = new(DependencyInjection.AllowedOrigins(configuration), StringComparer.OrdinalIgnoreCase);

    public Task InvokeAsync(HttpContext context) =>
        context.Request.Path.StartsWithSegments(BearerEvents.HubPathPrefix)
        && context.Request.Headers[HeaderNames.Origin].ToString() is { Length: > 0 } origin
        && !IsAllowed(origin, context.Request)
            ? ProblemResponses.WriteAsync(
                context, ProblemResponses.Create(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "This origin may not use the hub.")).AsTask()
            : next(context);

    private bool IsAllowed(string origin, HttpRequest request) =>
        _allowed.Contains(origin.TrimEnd('/'))
        || (Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
}
