using ChatPlatform.Application.Common.Models;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>
/// The API speaks UTF-8 JSON only: a JSON body declared in any other charset is a 415 before
/// anything reads it (the JSON reader would otherwise transcode it, and fail on a bad one). So
/// is a JSON content type with a malformed or empty parameter (<c>application/json; charset=</c>):
/// MVC's JSON reader would throw on it while looking for the charset.
/// </summary>
internal sealed class JsonCharsetCheck(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentType is { } contentType && DeclaresJson(contentType) && !IsUtf8Json(contentType))
        {
            return ProblemResponses.WriteAsync(
                context,
                ProblemResponses.Create(
                    StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, "JSON bodies must be UTF-8, under a well-formed Content-Type.")).AsTask();
        }

        return next(context);
    }

    /// <summary>As leniently as MVC's JSON reader picks a body up: by the media type before any parameter.</summary>
    private static bool DeclaresJson(string contentType)
    {
        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Well-formed, every parameter with a value (MVC's reader throws on <c>; foo=</c>), and UTF-8 or no charset.</summary>
    private static bool IsUtf8Json(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && mediaType.Parameters.All(parameter => !StringSegment.IsNullOrEmpty(parameter.Value))
        && (!mediaType.Charset.HasValue || IsUtf8(mediaType.Charset.Value!.Trim('"')));

    private static bool IsUtf8(string charset) =>
        charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
}
