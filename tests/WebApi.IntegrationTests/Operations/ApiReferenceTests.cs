using System.Text.RegularExpressions;
using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Operations;

/// <summary>docs/API.md, the project's API reference, names every endpoint of the OpenAPI document.</summary>
public sealed partial class ApiReferenceTests
{
    // Sections of docs/API.md whose tables give paths relative to their base.
    private static readonly string[] SectionBases = ["/api/auth", "/api/users"];

    [Test]
    public async Task Every_endpoint_of_the_openapi_document_is_in_the_api_reference()
    {
        using var api = new Api(TestRun.Api.CreateApiClient());
        var document = await (await api.GetAsync("/openapi/v1.json")).ShouldHaveStatus(200);
        var reference = Normalise(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "API.md")));

        var missing = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Method: operation.Name.ToUpperInvariant(), Path: Normalise(path.Name))))
            .Where(endpoint => !IsDocumented(reference, endpoint.Method, endpoint.Path))
            .Select(endpoint => $"{endpoint.Method} {endpoint.Path}")
            .ToList();

        Assert.That(missing, Is.Empty, "endpoints served but not in docs/API.md");
    }

    private static bool IsDocumented(string reference, string method, string path)
    {
        var candidates = new List<string> { path };
        candidates.AddRange(SectionBases.Where(b => path.StartsWith(b, StringComparison.Ordinal)).Select(b => path[b.Length..] is { Length: > 0 } rest ? rest : "/"));
        return candidates.Any(candidate => Regex.IsMatch(reference, $@"`{method} {Regex.Escape(candidate)}[`?\s]"));
    }

    /// <summary>Parameter names differ between the two ({id}, {userId}); only their places matter.</summary>
    private static string Normalise(string text) => ParameterRegex().Replace(text, "{}");

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ChatPlatform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ChatPlatform.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex ParameterRegex();
}
