using System.Text.Json;

namespace ChatPlatform.WebApi.IntegrationTests.Support.Fuzzing;

/// <summary>One operation of the application's OpenAPI document, with its schemas resolved.</summary>
public sealed record OpenApiOperation(
    string Method,
    string PathTemplate,
    IReadOnlyList<OpenApiParameter> Parameters,
    JsonElement? BodySchema,
    bool RequiresAuthentication)
{
    public override string ToString() => $"{Method} {PathTemplate}";

    /// <summary>Every operation of the document, in document order.</summary>
    public static IReadOnlyList<OpenApiOperation> ReadAll(JsonElement document)
    {
        var schemas = new OpenApiSchemas(document);
        var operations = new List<OpenApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray()
                        .Select(p => new OpenApiParameter(
                            p.GetProperty("name").GetString()!,
                            p.GetProperty("in").GetString()!,
                            schemas.Resolve(p.GetProperty("schema"))))
                        .ToList()
                    : [];
                JsonElement? body = operation.Value.TryGetProperty("requestBody", out var requestBody)
                    && requestBody.GetProperty("content").TryGetProperty("application/json", out var json)
                        ? schemas.Resolve(json.GetProperty("schema"))
                        : null;
                var secured = operation.Value.TryGetProperty("security", out var security) && security.GetArrayLength() > 0;
                operations.Add(new OpenApiOperation(operation.Name.ToUpperInvariant(), path.Name, parameters, body, secured));
            }
        }

        return operations;
    }
}
