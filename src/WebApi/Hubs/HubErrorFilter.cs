using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Domain.Common;
using Microsoft.AspNetCore.SignalR;

namespace ChatPlatform.WebApi.Hubs;

/// <summary>
/// The hub's counterpart of the exception handler: a failure becomes a HubException whose message
/// is the contract's code, the same code the HTTP API gives. Expected refusals are logged at Debug
/// without the exception, so a client hammering the hub with bad calls cannot fill the log with
/// stack traces.
/// </summary>
internal sealed class HubErrorFilter(ILogger<HubErrorFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (HubException e)
        {
            logger.LogDebug("Hub method {Method} refused: {Code}", invocationContext.HubMethodName, e.Message);
            throw;
        }
        catch (Exception e) when (CodeFor(e) is { } code)
        {
            logger.LogDebug("Hub method {Method} refused: {Code}", invocationContext.HubMethodName, code);
            throw new HubException(code);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // SignalR's own "failed to invoke" log is silenced (see ChatHubSetup), so a real fault is logged here, once.
            logger.LogError(e, "Hub method {Method} failed", invocationContext.HubMethodName);
            throw;
        }
    }

    private static string? CodeFor(Exception exception) => exception switch
    {
        ValidationException => ErrorCodes.ValidationFailed,
        NotFoundException => ErrorCodes.NotFound,
        ForbiddenException e => e.Code,
        ConflictException e => e.Code,
        InvalidRequestException e => e.Code,
        AuthenticationFailedException e => e.Code,
        AccountLockedException => ErrorCodes.AccountLocked,
        DomainRuleException e => e.Code,
        UnavailableException => ErrorCodes.Unavailable,
        _ => null,
    };
}
