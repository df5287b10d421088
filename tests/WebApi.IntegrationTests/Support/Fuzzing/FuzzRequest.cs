using System.Text;

namespace ChatPlatform.WebApi.IntegrationTests.Support.Fuzzing;

/// <summary>
/// One generated request, kept as plain data so that a failure can be printed in a form that
/// reproduces it (method, target, headers, body bytes).
/// </summary>
public sealed record FuzzRequest(
    int Number,
    string Method,
    string Target,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? ContentType,
    byte[]? Body,
    string Mutation)
{
    private const int ShownBodyBytes = 400;

    /// <summary>Past the 1 MB limit a client asks before sending, as the server answers 413 without reading.</summary>
    private const int ExpectContinueFrom = 1_000_000;

    /// <summary>The request to send, its target exactly as generated (no dot-segment or escape clean-up).</summary>
    public HttpRequestMessage ToHttpRequest(Uri server)
    {
        var uri = new Uri(server.GetLeftPart(UriPartial.Authority) + Target, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var request = new HttpRequestMessage(new HttpMethod(Method), uri);
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            request.Headers.ExpectContinue = Body.Length >= ExpectContinueFrom;
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return request;
    }

    /// <summary>The request as one would type it again: headers, then the body with non-ASCII bytes escaped.</summary>
    public override string ToString()
    {
        var text = new StringBuilder($"#{Number} [{Mutation}] {Method} {Shorten(Target)}");
        foreach (var (name, value) in Headers)
        {
            text.Append($" | {name}: {Shorten(value)}");
        }

        if (Body is not null)
        {
            text.Append($" | Content-Type: {ContentType ?? "(none)"} | body ({Body.Length} bytes): ");
            foreach (var b in Body.Take(ShownBodyBytes))
            {
                text.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}");
            }

            if (Body.Length > ShownBodyBytes)
            {
                text.Append("...");
            }
        }

        return text.ToString();
    }

    private static string Shorten(string value) => value.Length > 120 ? value[..120] + $"...({value.Length} chars)" : value;
}
