using MediatR;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>
/// Gives the request's <see cref="CallerContext"/> its HTTP context before the action runs.
/// Only use cases read the caller (<c>ICurrentUser</c>, <c>IClientInfo</c>), and they are reached
/// through <see cref="IMediator"/>, so the filter is attached to the actions of controllers that
/// take one; the others (<c>GET /api/auth/protected</c>, the hottest path) run no filter of ours.
/// </summary>
internal sealed class CallerContextFilter : IResourceFilter, IControllerModelConvention
{
    public void Apply(ControllerModel controller)
    {
        var takesMediator = controller.ControllerType.GetConstructors()
            .Any(constructor => constructor.GetParameters().Any(parameter => parameter.ParameterType == typeof(IMediator)));
        if (takesMediator)
        {
            controller.Filters.Add(this);
        }
    }

    public void OnResourceExecuting(ResourceExecutingContext context) =>
        context.HttpContext.RequestServices.GetRequiredService<CallerContext>().HttpContext = context.HttpContext;

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
