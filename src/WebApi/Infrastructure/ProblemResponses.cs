using ChatPlatform.Application.Common.Models;
using Microsoft.AspNetCore.Mvc;

namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>Writes Problem Details carrying the contract's <c>error</c> code, and fills in codes by status.</summary>
internal static class ProblemResponses
{
    public const string ErrorKey = "error";
    public const string ErrorsKey = "errors";

    public static ProblemDetails Create(int status, string code, string? detail = null) => new()
    {
        Status = status,
        Title = TitleFor(status),
        Detail = detail,
        Extensions = { [ErrorKey] = code },
    };

    public static ValueTask WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        return service.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    /// <summary>Gives every Problem Details an <c>error</c> code, derived from the status when none was set.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Status ??= context.HttpContext.Response.StatusCode;
        problem.Title ??= TitleFor(problem.Status.Value);
        problem.Extensions.TryAdd(ErrorKey, CodeFor(problem.Status.Value));
        problem.Extensions.Remove("traceId");
        problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
    }

    public static string CodeFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ErrorCodes.ValidationFailed,
        StatusCodes.Status401Unauthorized => ErrorCodes.TokenMissing,
        StatusCodes.Status403Forbidden => ErrorCodes.Forbidden,
        StatusCodes.Status404NotFound => ErrorCodes.NotFound,
        StatusCodes.Status405MethodNotAllowed => ErrorCodes.MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => ErrorCodes.PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType => ErrorCodes.UnsupportedMediaType,
        StatusCodes.Status429TooManyRequests => ErrorCodes.RateLimited,
        >= 500 => ErrorCodes.InternalError,
        _ => "http_" + status,
    };

    private static string TitleFor(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "One or more validation errors occurred.",
        StatusCodes.Status401Unauthorized => "Unauthorized",
        StatusCodes.Status403Forbidden => "Forbidden",
        StatusCodes.Status404NotFound => "Not Found",
        StatusCodes.Status409Conflict => "Conflict",
        StatusCodes.Status413PayloadTooLarge => "Payload Too Large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported Media Type",
        StatusCodes.Status429TooManyRequests => "Too Many Requests",
        >= 500 => "An error occurred while processing your request.",
        _ => "Error",
    };
}
