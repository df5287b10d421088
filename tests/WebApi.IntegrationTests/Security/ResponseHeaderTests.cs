using System.Text;
using System.Text.Json;
using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Security;

/// <summary>Headers that keep tokens out of caches and pages out of frames, cookie mode that cannot be bypassed, and complete Problem Details.</summary>
public sealed class ResponseHeaderTests : ApiTest
{
    private static string CookieValue(HttpResponseMessage response)
    {
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("refresh_token=", StringComparison.Ordinal));
        return cookie["refresh_token=".Length..cookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private static void ShouldNotBeStored(HttpResponseMessage response) =>
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True, $"{response.RequestMessage?.RequestUri} has Cache-Control: no-store");

    [Test]
    public async Task A_refresh_that_took_its_token_from_the_cookie_answers_in_cookie_mode_even_without_useCookie()
    {
        await Api.RegisterAsync("alice");
        var login = await Api.PostAsync("/api/auth/login?useCookie=true", new { username = "alice", password = Api.Password });
        var first = CookieValue(login);

        using var refresh = new HttpRequestMessage(HttpMethod.Post, "/api/auth/refresh");
        refresh.Headers.Add("Cookie", $"refresh_token={first}");
        var refreshed = await Api.Http.SendAsync(refresh);

        var body = await refreshed.ShouldHaveStatus(200);
        Assert.That(body.TryGetProperty("refreshToken", out var token) && token.ValueKind != JsonValueKind.Null, Is.False, "no refresh token in the body");
        var second = CookieValue(refreshed);
        Assert.That(second, Is.Not.EqualTo(first));
        await Api.RefreshAsync(second);
    }

    [Test]
    public async Task A_refresh_token_given_in_the_body_is_still_answered_in_the_body()
    {
        var pair = await Api.RegisterAndLoginAsync("alice");

        var refreshed = await Api.PostAsync("/api/auth/refresh", new { refreshToken = pair.RefreshToken });

        var body = await refreshed.ShouldHaveStatus(200);
        Assert.That(body.GetProperty("refreshToken").GetString(), Is.Not.Empty);
        Assert.That(refreshed.Headers.Contains("Set-Cookie"), Is.False);
    }

    [Test]
    public async Task Responses_that_hold_tokens_are_not_stored()
    {
        await Api.RegisterAsync("alice");
        var login = await Api.PostAsync("/api/auth/login", new { username = "alice", password = Api.Password });
        var pair = await login.ShouldHaveStatus(200);
        var refresh = await Api.PostAsync("/api/auth/refresh", new { refreshToken = pair.GetProperty("refreshToken").GetString() });
        await refresh.ShouldHaveStatus(200);

        var bob = await Api.RegisterAndLoginAsync("bob");
        await (await Api.PostAsync("/api/users/me/2fa/enable", new { password = Api.Password }, bob.AccessToken)).ShouldHaveStatus(202);
        await (await Api.PostAsync("/api/users/me/2fa/confirm", new { code = await Mailbox.TakeCodeAsync("bob@example.com") }, bob.AccessToken)).ShouldHaveStatus(204);
        var challenge = (await (await Api.PostAsync("/api/auth/login", new { username = "bob", password = Api.Password })).ShouldHaveStatus(202))
            .GetProperty("challengeToken").GetString();
        var twoFactor = await Api.PostAsync("/api/auth/login/2fa", new { challengeToken = challenge, code = await Mailbox.TakeCodeAsync("bob@example.com") });
        await twoFactor.ShouldHaveStatus(200);

        ShouldNotBeStored(login);
        ShouldNotBeStored(refresh);
        ShouldNotBeStored(twoFactor);
    }

    [TestCase("/")]
    [TestCase("/index.html")]
    public async Task The_page_carries_a_content_security_policy_without_inline_script_or_framing(string path)
    {
        var response = await Api.GetAsync(path);

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Multiple(() =>
        {
            Assert.That(policy, Does.Contain("default-src 'self'"));
            Assert.That(policy, Does.Contain("frame-ancestors 'none'"));
            Assert.That(policy, Does.Not.Contain("unsafe-inline"));
            Assert.That(response.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"));
            Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        });
    }

    [TestCase("/api/rooms")]
    [TestCase("/health/live")]
    [TestCase("/api/nowhere")]
    [TestCase("/app.js")]
    public async Task Every_response_carries_nosniff(string path)
    {
        var response = await Api.GetAsync(path);

        Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
    }

    [Test]
    public async Task A_malformed_json_body_is_a_complete_problem_that_names_no_dotnet_type()
    {
        using var content = new StringContent("{\"username\": 5, \"password\": [", Encoding.UTF8, "application/json");

        var problem = await (await Api.Http.PostAsync("/api/auth/login", content)).ShouldBeProblem(400, "validation_failed");

        Assert.That(problem.GetProperty("type").GetString(), Is.Not.Empty);
        Assert.That(problem.ToString(), Does.Not.Contain("System.").And.Not.Contain("ChatPlatform."));
    }

    [Test]
    public async Task A_wrongly_typed_json_value_names_the_field_but_no_dotnet_type()
    {
        var problem = await (await Api.PostAsync("/api/auth/login", new { username = 5, password = true })).ShouldBeProblem(400, "validation_failed");

        Assert.That(problem.GetProperty("type").GetString(), Is.Not.Empty);
        Assert.That(problem.ToString(), Does.Not.Contain("System.").And.Not.Contain("ChatPlatform."));
    }

    [Test]
    public async Task The_lockout_429_and_a_query_binding_400_are_complete_problems()
    {
        await Api.RegisterAsync("alice");
        HttpResponseMessage locked;
        var attempts = 0;
        do
        {
            locked = await Api.PostAsync("/api/auth/login", new { username = "alice", password = "Wr0ngPassword" });
        }
        while ((int)locked.StatusCode == 401 && ++attempts < 10);

        var lockout = await locked.ShouldBeProblem(429, "account_locked");
        Assert.That(lockout.GetProperty("type").GetString(), Is.Not.Empty);

        var pair = await Api.RegisterAndLoginAsync("bob");
        var binding = await (await Api.GetAsync("/api/rooms?page=abc", pair.AccessToken)).ShouldBeProblem(400, "validation_failed");
        Assert.That(binding.GetProperty("type").GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task A_wrong_content_type_is_a_complete_415_problem()
    {
        using var content = new StringContent("username=alice", Encoding.UTF8, "text/plain");

        var problem = await (await Api.Http.PostAsync("/api/auth/login", content)).ShouldBeProblem(415, "unsupported_media_type");

        Assert.That(problem.GetProperty("type").GetString(), Is.Not.Empty);
    }
}
