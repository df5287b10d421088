using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>
/// Writes every Problem Details, as JSON whatever the request's <c>Accept</c> says. It is
/// registered ahead of the framework's writers, so it is the only one that writes: theirs decline
/// a client that does not accept JSON (which turned every error answered to it, 401, 404, 409
/// alike, into an empty 500), and MVC's writes nothing at all for a controller without
/// <c>[ApiController]</c>.
/// </summary>
internal sealed class ProblemJsonWriter(IOptions<ProblemDetailsOptions> options, IOptions<JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        options.Value.CustomizeProblemDetails?.Invoke(context);
        var response = context.HttpContext.Response;
        response.ContentType = "application/problem+json";
        await JsonSerializer.SerializeAsync(response.Body, context.ProblemDetails, json.Value.SerializerOptions, context.HttpContext.RequestAborted);
    }
}
