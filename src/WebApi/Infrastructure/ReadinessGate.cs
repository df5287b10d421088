using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;

namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>Until the instance has reached its database, everything but the health endpoints answers 503 <c>unavailable</c>.</summary>
internal sealed class ReadinessGate(RequestDelegate next, IServiceReadiness readiness)
{
    public Task InvokeAsync(HttpContext context) =>
        readiness.IsReady || context.Request.Path.StartsWithSegments("/health")
            ? next(context)
            : throw new UnavailableException("The API has not reached its database yet; retry shortly.");
}
