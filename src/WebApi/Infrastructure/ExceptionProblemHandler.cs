using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>The one place where exceptions become Problem Details with the contract's codes.</summary>
internal sealed class ExceptionProblemHandler(ILogger<ExceptionProblemHandler> logger, TimeProvider clock) : IExceptionHandler
{
    /// <summary>Service resumes within 5 s of the database coming back; a client retrying after 2 s finds it soon after.</summary>
    private const string RetryUnavailableSeconds = "2";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            logger.LogDebug("Request aborted by the client");
            return true;
        }

        var problem = exception switch
        {
            ValidationException e => Validation(e.Errors),
            NotFoundException e => ProblemResponses.Create(StatusCodes.Status404NotFound, ErrorCodes.NotFound, e.Message),
            ForbiddenException e => Forbidden(e),
            ConflictException e => Conflict(e),
            InvalidRequestException e => InvalidRequest(e),
            AuthenticationFailedException e => Unauthorized(context, e),
            AccountLockedException e => Locked(context, e),
            UnavailableException e => Unavailable(context, e),
            DomainRuleException { Code: ErrorCodes.ValidationFailed } e => ProblemResponses.Create(StatusCodes.Status400BadRequest, e.Code, e.Message),
            DomainRuleException e => ProblemResponses.Create(StatusCodes.Status409Conflict, e.Code, e.Message),
            BadHttpRequestException e => ProblemResponses.Create(e.StatusCode, ProblemResponses.CodeFor(e.StatusCode), e.Message),
            _ => null,
        };

        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = ProblemResponses.Create(StatusCodes.Status500InternalServerError, ErrorCodes.InternalError);
        }

        await ProblemResponses.WriteAsync(context, problem);
        return true;

        ProblemDetails Locked(HttpContext http, AccountLockedException e)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling((e.LockedUntil - clock.GetUtcNow()).TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ProblemResponses.Create(StatusCodes.Status429TooManyRequests, ErrorCodes.AccountLocked, e.Message);
        }
    }

    private ProblemDetails Unavailable(HttpContext context, UnavailableException e)
    {
        logger.LogWarning("{Method} {Path} answered 503: {Reason}", context.Request.Method, context.Request.Path, e.InnerException?.Message ?? e.Message);
        context.Response.Headers.RetryAfter = RetryUnavailableSeconds;
        return ProblemResponses.Create(StatusCodes.Status503ServiceUnavailable, ErrorCodes.Unavailable, e.Message);
    }

    public static ProblemDetails Validation(IReadOnlyDictionary<string, string[]> errors)
    {
        var problem = ProblemResponses.Create(StatusCodes.Status400BadRequest, ErrorCodes.ValidationFailed);
        problem.Extensions[ProblemResponses.ErrorsKey] = errors;
        return problem;
    }

    private static ProblemDetails Forbidden(ForbiddenException e)
    {
        var problem = ProblemResponses.Create(StatusCodes.Status403Forbidden, e.Code, e.Message);
        foreach (var (key, value) in e.Details)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    private static ProblemDetails Unauthorized(HttpContext context, AuthenticationFailedException e)
    {
        BearerChallenge.Apply(context.Response, e.Code, e.Message);
        return ProblemResponses.Create(StatusCodes.Status401Unauthorized, e.Code, e.Message);
    }

    private static ProblemDetails Conflict(ConflictException e)
    {
        var problem = ProblemResponses.Create(StatusCodes.Status409Conflict, e.Code, e.Message);
        if (e.Field is not null)
        {
            problem.Extensions[ProblemResponses.ErrorsKey] = new Dictionary<string, string[]> { [e.Field] = [e.Message] };
        }

        return problem;
    }

    private static ProblemDetails InvalidRequest(InvalidRequestException e)
    {
        var problem = ProblemResponses.Create(StatusCodes.Status400BadRequest, e.Code, e.Message);
        if (e.Field is not null)
        {
            problem.Extensions[ProblemResponses.ErrorsKey] = new Dictionary<string, string[]> { [e.Field] = [e.Message] };
        }

        return problem;
    }
}
