using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Http;

/// <summary><c>Cors:AllowedOrigins</c> lets the named SPA origins call the REST API with credentials, and nobody else.</summary>
public sealed class CorsTests
{
    private const string Spa = "https://app.example.com";

    [Test]
    public async Task Only_configured_origins_may_call_the_api_from_a_browser()
    {
        await using var factory = await TestRun.CreateApiAsync(new Dictionary<string, string?> { ["Cors:AllowedOrigins"] = Spa + ", https://admin.example.com" });
        using var http = factory.CreateApiClient();

        var allowed = await http.SendAsync(Preflight(Spa));
        var foreign = await http.SendAsync(Preflight("https://evil.example.com"));

        Assert.That((int)allowed.StatusCode, Is.EqualTo(204));
        Assert.That(allowed.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo(Spa));
        Assert.That(allowed.Headers.GetValues("Access-Control-Allow-Credentials").Single(), Is.EqualTo("true"));
        Assert.That(foreign.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    [Test]
    public async Task Without_configured_origins_no_browser_origin_is_allowed()
    {
        using var http = TestRun.Api.CreateApiClient();

        var response = await http.SendAsync(Preflight(Spa));

        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/auth/login");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }
}
