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
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers["Referrer-Policy"] = "no-referrer";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
