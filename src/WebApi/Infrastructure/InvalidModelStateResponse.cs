using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>Turns MVC binding failures (malformed JSON, bad query values) into the contract's 400.</summary>
internal static class InvalidModelStateResponse
{
    public static IActionResult Create(ActionContext context)
    {
        var errors = context.ModelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .GroupBy(entry => FieldName(entry.Key))
            .ToDictionary(
                group => group.Key,
                group => group.SelectMany(entry => entry.Value!.Errors)
                    .Select(error => string.IsNullOrEmpty(error.ErrorMessage) ? "The value is not valid." : error.ErrorMessage)
                    .Distinct()
                    .ToArray());

        return ValidationResult(context.HttpContext, errors);
    }

    /// <summary>The contract's 400 <c>validation_failed</c> as an MVC result.</summary>
    public static IActionResult ValidationResult(HttpContext context, IReadOnlyDictionary<string, string[]> errors)
    {
        var problem = ExceptionProblemHandler.Validation(errors);
        ProblemResponses.Customize(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
        return new ObjectResult(problem)
        {
            StatusCode = StatusCodes.Status400BadRequest,
            ContentTypes = { "application/problem+json" },
        };
    }

    // Body errors arrive as "$.field" or "$" (whole body); query and route keys as parameter names.
    private static string FieldName(string key)
    {
        var name = key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : key;
        if (name is "" or "$")
        {
            return "body";
        }

        var dot = name.LastIndexOf('.');
        var last = dot >= 0 && !name.StartsWith('$') ? name[(dot + 1)..] : name;
        return JsonNamingPolicy.CamelCase.ConvertName(last);
    }
}
