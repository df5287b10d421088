using System.Net.Http.Headers;
using System.Text.Json;

namespace ChatPlatform.WebApi.IntegrationTests.Support.Fuzzing;

/// <summary>What the contract allows as an answer to a bad request: no 5xx, every error Problem Details with its code.</summary>
public static class FuzzVerdict
{
    /// <summary>Null when the answer is acceptable, else why not.</summary>
    public static string? Judge(FuzzRequest request, int status, HttpContentHeaders headers, string body)
    {
        if (status >= 500)
        {
            return $"{status}: {Shorten(body)}";
        }

        if (status < 400 || IsKestrelRejection(request, status, headers))
        {
            return null;
        }

        if (headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{status} as '{headers.ContentType}', not application/problem+json: {Shorten(body)}";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.String || error.GetString() is not { Length: > 0 }
                || !root.TryGetProperty("status", out var statusProperty) || statusProperty.ValueKind != JsonValueKind.Number || statusProperty.GetInt32() != status
                || !root.TryGetProperty("title", out _))
            {
                return $"{status} Problem Details without error, status or title: {Shorten(body)}";
            }
        }
        catch (JsonException)
        {
            return $"{status} with a body that is not JSON: {Shorten(body)}";
        }

        return null;
    }

    /// <summary>
    /// The documented exception: Kestrel refuses a NUL in the decoded path with a bare 400 before any
    /// middleware runs, so nothing of the application can answer it.
    /// </summary>
    private static bool IsKestrelRejection(FuzzRequest request, int status, HttpContentHeaders headers) =>
        status == 400
        && headers.ContentLength == 0
        && request.Target.Split('?')[0].Contains("%00", StringComparison.Ordinal);

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "..." : text;
}
