using System.Text.Json;

namespace ChatPlatform.WebApi.IntegrationTests.Support.Fuzzing;

/// <summary>Reads the schemas of an OpenAPI 3.1 document: references, nullable unions, types.</summary>
public sealed class OpenApiSchemas(JsonElement document)
{
    /// <summary>Follows a <c>$ref</c>, and takes the non-null branch of a <c>oneOf [null, X]</c>.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        for (var depth = 0; depth < 32; depth++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                var name = reference.GetString()!.Split('/')[^1];
                schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
                continue;
            }

            if (schema.TryGetProperty("oneOf", out var branches) || schema.TryGetProperty("anyOf", out branches))
            {
                schema = branches.EnumerateArray().First(b => Type(b) != "null");
                continue;
            }

            return schema;
        }

        throw new InvalidOperationException("Schema references nest too deep.");
    }

    /// <summary>The main type of a schema: of <c>["null", "string"]</c> it is <c>string</c>; of <c>["integer", "string"]</c>, <c>integer</c>.</summary>
    public static string Type(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return schema.TryGetProperty("properties", out _) ? "object" : "any";
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return type.GetString()!;
        }

        var types = type.EnumerateArray().Select(t => t.GetString()!).Where(t => t != "null").ToList();
        return types.Contains("integer") ? "integer" : types.FirstOrDefault() ?? "null";
    }

    public static string? Format(JsonElement schema) =>
        schema.TryGetProperty("format", out var format) ? format.GetString() : null;
}
