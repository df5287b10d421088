using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Operations;

public sealed class RateLimitTests
{
    [Test]
    public async Task Login_and_register_are_limited_per_client_address_with_retry_after()
    {
        await using var factory = await TestRun.CreateApiAsync(new Dictionary<string, string?>
        {
            ["RateLimiting:Login:PermitLimit"] = "3",
            ["RateLimiting:Login:Window"] = "00:01:00",
            ["RateLimiting:Register:PermitLimit"] = "2",
            ["RateLimiting:Register:Window"] = "01:00:00",
        });
        using var api = new Api(factory.CreateApiClient());

        await api.RegisterAsync("alice");
        await api.RegisterAsync("bob");
        var thirdRegistration = await api.PostAsync("/api/auth/register", new
        {
            username = "carol",
            email = "carol@example.com",
            password = Api.Password,
            confirmPassword = Api.Password,
        });
        var problem = await thirdRegistration.ShouldBeProblem(429, "rate_limited");
        Assert.That(int.Parse(thirdRegistration.Headers.GetValues("Retry-After").Single()), Is.InRange(1, 3600));
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo(
            "Too many accounts registered from this address: at most 2 per 1 hour(s). Try again after the Retry-After seconds."));

        var pair = await api.LoginAsync("alice");
        await api.LoginAsync("alice");
        await api.LoginAsync("bob");

        var limited = await api.PostAsync("/api/auth/login", new { username = "alice", password = Api.Password });
        await limited.ShouldBeProblem(429, "rate_limited");
        Assert.That(int.Parse(limited.Headers.GetValues("Retry-After").Single()), Is.InRange(1, 60));

        // Only login and register are limited: an existing session goes on refreshing.
        var refreshed = await api.RefreshAsync(pair.RefreshToken);
        await (await api.GetAsync("/api/auth/protected", refreshed.AccessToken)).ShouldHaveStatus(200);
    }
}
