using System.Text.Json;

namespace ChatPlatform.WebApi.IntegrationTests.Support.Fuzzing;

/// <summary>A path or query parameter of an operation, with its resolved schema.</summary>
public sealed record OpenApiParameter(string Name, string In, JsonElement Schema)
{
    public bool InPath => In == "path";

    public bool InQuery => In == "query";
}
