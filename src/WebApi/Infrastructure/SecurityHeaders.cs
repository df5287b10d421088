namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>
/// Headers every response carries (<c>X-Content-Type-Options: nosniff</c>), and those of HTML
/// pages: a Content-Security-Policy allowing only the site's own files (no inline script, no
/// framing) and <c>Referrer-Policy: no-referrer</c>. Set as the response starts, so error
/// responses written later in the pipeline carry them too.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(Apply, context);
        return next(context);
    }

    // Static, with the context as its state: every request registers it, and it allocates nothing.
    private static Task Apply(object state)
    {
        var response = ((HttpContext)state).Response;
        var headers = response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["Referrer-Policy"] = "no-referrer";
        }

        return Task.CompletedTask;
    }
}
