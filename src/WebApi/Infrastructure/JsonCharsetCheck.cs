using ChatPlatform.Application.Common.Models;
using Microsoft.Net.Http.Headers;

namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>
/// The API speaks UTF-8 JSON only: a JSON body declared in any other charset is a 415 before
/// anything reads it (the JSON reader would otherwise transcode it, and fail on a bad one).
/// </summary>
internal sealed class JsonCharsetCheck(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentType is { } contentType
            && MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            && IsJson(mediaType)
            && mediaType.Charset is { Length: > 0 } charset
            && !IsUtf8(charset.Value!.Trim('"')))
        {
            return ProblemResponses.WriteAsync(
                context,
                ProblemResponses.Create(
                    StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType, "JSON bodies must be UTF-8.")).AsTask();
        }

        return next(context);
    }

    private static bool IsJson(MediaTypeHeaderValue mediaType) =>
        mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);

    private static bool IsUtf8(string charset) =>
        charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
}
