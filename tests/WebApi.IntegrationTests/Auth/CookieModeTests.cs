using System.Net.Http.Json;
using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Auth;

/// <summary>SPAs keep the refresh token in an HttpOnly cookie scoped to the auth endpoints.</summary>
public sealed class CookieModeTests : ApiTest
{
    [Test]
    public async Task Login_in_cookie_mode_sets_a_strict_http_only_cookie_and_leaves_the_token_out_of_the_body()
    {
        await Api.RegisterAsync("alice");

        var response = await Api.PostAsync("/api/auth/login?useCookie=true", new { username = "alice", password = Api.Password });

        var body = await response.ShouldHaveStatus(200);
        Assert.That(body.TryGetProperty("refreshToken", out _), Is.False);
        Assert.That(body.GetProperty("accessToken").GetString(), Is.Not.Empty);
        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.Multiple(() =>
        {
            Assert.That(cookie, Does.StartWith("refresh_token="));
            Assert.That(cookie, Does.Contain("httponly").IgnoreCase);
            Assert.That(cookie, Does.Contain("secure").IgnoreCase);
            Assert.That(cookie, Does.Contain("samesite=strict").IgnoreCase);
            Assert.That(cookie, Does.Contain("path=/api/auth").IgnoreCase);
        });
    }

    [Test]
    public async Task Refresh_and_logout_read_the_cookie_and_logout_clears_it()
    {
        await Api.RegisterAsync("alice");
        var login = await Api.PostAsync("/api/auth/login?useCookie=true", new { username = "alice", password = Api.Password });
        var firstCookie = CookieValue(login);

        using var refresh = new HttpRequestMessage(HttpMethod.Post, "/api/auth/refresh?useCookie=true");
        refresh.Headers.Add("Cookie", $"refresh_token={firstCookie}");
        var refreshed = await Api.Http.SendAsync(refresh);
        var refreshedBody = await refreshed.ShouldHaveStatus(200);
        var secondCookie = CookieValue(refreshed);
        Assert.That(secondCookie, Is.Not.EqualTo(firstCookie));
        Assert.That(refreshedBody.TryGetProperty("refreshToken", out _), Is.False);

        using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        logout.Headers.Add("Cookie", $"refresh_token={secondCookie}");
        logout.Headers.Authorization = new("Bearer", refreshedBody.GetProperty("accessToken").GetString());
        var loggedOut = await Api.Http.SendAsync(logout);
        await loggedOut.ShouldHaveStatus(204);
        Assert.That(loggedOut.Headers.GetValues("Set-Cookie").Single(), Does.StartWith("refresh_token=;").And.Contain("expires=Thu, 01 Jan 1970").IgnoreCase);

        await (await Api.PostAsync("/api/auth/refresh", new { refreshToken = secondCookie })).ShouldBeProblem(401, "token_revoked");
    }

    [Test]
    public async Task Refresh_with_neither_body_nor_cookie_is_a_validation_failure()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/refresh");

        var response = await Api.Http.SendAsync(request);

        await response.ShouldBeProblem(400, "validation_failed");
    }

    [Test]
    public async Task A_body_token_wins_over_the_cookie()
    {
        var pair = await Api.RegisterAndLoginAsync("alice");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/refresh")
        {
            Content = JsonContent.Create(new { refreshToken = pair.RefreshToken }),
        };
        request.Headers.Add("Cookie", "refresh_token=not-a-real-token");

        await (await Api.Http.SendAsync(request)).ShouldHaveStatus(200);
    }

    private static string CookieValue(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single().Split(';')[0]["refresh_token=".Length..];
}
