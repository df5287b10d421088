using System.Text.Json;
using ChatPlatform.Application.Common.Validation;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>
/// Route and query strings (a room or role name in the path, a search) reach database lookups
/// without a validator of their own: one with a control character is a 400 naming it, never a
/// database error. Bodies are checked by their request's validator. Applied as a convention to
/// the actions that take a string, so the others (<c>GET /api/auth/protected</c>, the hottest
/// path) run no action filter at all.
/// </summary>
internal sealed class ControlCharacterArguments : IActionFilter, IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        if (action.Parameters.Any(parameter => parameter.ParameterType == typeof(string)))
        {
            action.Filters.Add(this);
        }
    }

    public void OnActionExecuting(ActionExecutingContext context)
    {
        Dictionary<string, string[]>? errors = null;
        foreach (var (name, value) in context.ActionArguments)
        {
            if (value is string text && TextRules.HasControlCharacter(text))
            {
                errors ??= [];
                errors[JsonNamingPolicy.CamelCase.ConvertName(name)] = ["Control characters are not allowed."];
            }
        }

        if (errors is not null)
        {
            context.Result = InvalidModelStateResponse.ValidationResult(context.HttpContext, errors);
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
