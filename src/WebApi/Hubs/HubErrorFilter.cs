using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Domain.Common;
using Microsoft.AspNetCore.SignalR;

namespace ChatPlatform.WebApi.Hubs;

/// <summary>The hub's counterpart of the exception handler: a failure becomes a HubException whose message is the contract's code.</summary>
internal sealed class HubErrorFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (Exception e) when (CodeFor(e) is { } code)
        {
            throw new HubException(code, e);
        }
    }

    private static string? CodeFor(Exception exception) => exception switch
    {
        ValidationException => ErrorCodes.ValidationFailed,
        NotFoundException => ErrorCodes.NotFound,
        ForbiddenException => ErrorCodes.Forbidden,
        ConflictException e => e.Code,
        AuthenticationFailedException e => e.Code,
        DomainRuleException e => e.Code,
        UnavailableException => ErrorCodes.Unavailable,
        _ => null,
    };
}
