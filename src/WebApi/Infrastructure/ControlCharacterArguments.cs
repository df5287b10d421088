using System.Text.Json;
using ChatPlatform.Application.Common.Validation;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>
/// Route and query strings (a room or role name in the path, a search) reach database lookups
/// without a validator of their own: one with a control character is a 400 naming it, never a
/// database error. Bodies are checked by their request's validator.
/// </summary>
internal sealed class ControlCharacterArguments : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        var errors = context.ActionArguments
            .Where(argument => argument.Value is string text && TextRules.HasControlCharacter(text))
            .ToDictionary(argument => JsonNamingPolicy.CamelCase.ConvertName(argument.Key), _ => new[] { "Control characters are not allowed." });
        if (errors.Count > 0)
        {
            context.Result = InvalidModelStateResponse.ValidationResult(context.HttpContext, errors);
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
