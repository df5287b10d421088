using System.Net.Http.Json;
using System.Text.Json;
using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Users;

/// <summary>A user's signed-in devices: listing them, and signing one out from another.</summary>
public sealed class SessionsTests : ChatTest
{
    [Test]
    public async Task Sessions_are_listed_newest_first_with_device_and_the_callers_own_marked_current()
    {
        await Api.RegisterAsync("alice");
        var phone = await LoginFromAsync("alice", "Phone/1.0");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var laptop = await LoginFromAsync("alice", "Laptop/2.0");

        var sessions = await SessionsAsync(laptop.AccessToken);

        Assert.That(sessions, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(sessions[0].GetProperty("id").GetString(), Is.EqualTo(Sid(laptop)));
            Assert.That(sessions[0].GetProperty("userAgent").GetString(), Is.EqualTo("Laptop/2.0"));
            Assert.That(sessions[0].GetProperty("current").GetBoolean(), Is.True);
            Assert.That(sessions[1].GetProperty("id").GetString(), Is.EqualTo(Sid(phone)));
            Assert.That(sessions[1].GetProperty("userAgent").GetString(), Is.EqualTo("Phone/1.0"));
            Assert.That(sessions[1].GetProperty("current").GetBoolean(), Is.False);
            Assert.That(sessions[1].GetProperty("ipAddress").GetString(), Is.EqualTo("127.0.0.1"));
            Assert.That(sessions[1].GetProperty("lastUsedAt").GetDateTimeOffset(), Is.EqualTo(sessions[1].GetProperty("createdAt").GetDateTimeOffset()));
            Assert.That(
                sessions[1].GetProperty("expiresAt").GetDateTimeOffset(),
                Is.EqualTo(sessions[1].GetProperty("createdAt").GetDateTimeOffset().AddDays(30)).Within(TimeSpan.FromSeconds(1)));
        });
    }

    [Test]
    public async Task Ended_sessions_and_other_users_sessions_are_not_listed()
    {
        await Api.RegisterAsync("alice");
        var first = await Api.LoginAsync("alice");
        var second = await Api.LoginAsync("alice");
        await Api.RegisterAndLoginAsync("bob");

        await (await Api.PostAsync("/api/auth/logout", new { refreshToken = first.RefreshToken }, first.AccessToken)).ShouldHaveStatus(204);

        var sessions = await SessionsAsync(second.AccessToken);
        Assert.That(sessions.Select(s => s.GetProperty("id").GetString()), Is.EqualTo(new[] { Sid(second) }));
    }

    [Test]
    public async Task A_refresh_moves_last_used_at_and_an_ordinary_request_does_not()
    {
        await Api.RegisterAsync("alice");
        var pair = await Api.LoginAsync("alice");
        var loggedInAt = (await SessionsAsync(pair.AccessToken))[0].GetProperty("lastUsedAt").GetDateTimeOffset();

        Clock.Advance(TimeSpan.FromMinutes(5));
        var refreshed = await Api.RefreshAsync(pair.RefreshToken);
        var afterRefresh = (await SessionsAsync(refreshed.AccessToken))[0].GetProperty("lastUsedAt").GetDateTimeOffset();
        Clock.Advance(TimeSpan.FromMinutes(5));
        await (await Api.GetAsync("/api/users/me", refreshed.AccessToken)).ShouldHaveStatus(200);
        var afterRequest = (await SessionsAsync(refreshed.AccessToken))[0].GetProperty("lastUsedAt").GetDateTimeOffset();

        Assert.That(afterRefresh, Is.EqualTo(loggedInAt.AddMinutes(5)).Within(TimeSpan.FromSeconds(5)));
        Assert.That(afterRequest, Is.EqualTo(afterRefresh));
    }

    [Test]
    public async Task A_long_user_agent_is_kept_cut_to_512_characters()
    {
        await Api.RegisterAsync("alice");
        var pair = await LoginFromAsync("alice", "Agent/" + new string('x', 2000));

        var agent = (await SessionsAsync(pair.AccessToken))[0].GetProperty("userAgent").GetString();

        Assert.That(agent, Has.Length.EqualTo(512));
        Assert.That(agent, Does.StartWith("Agent/xxx"));
    }

    [Test]
    public async Task Deleting_a_session_kills_its_tokens_and_hub_connection_and_leaves_the_others_working()
    {
        await Api.RegisterAsync("alice");
        var phone = await Api.LoginAsync("alice");
        var laptop = await Api.LoginAsync("alice");
        var phoneHub = await ConnectHubAsync(phone.AccessToken);
        var laptopHub = await ConnectHubAsync(laptop.AccessToken);

        await (await Api.DeleteAsync($"/api/users/me/sessions/{Sid(phone)}", laptop.AccessToken)).ShouldHaveStatus(204);

        await phoneHub.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        await (await Api.GetAsync("/api/users/me", phone.AccessToken)).ShouldBeProblem(401, "token_revoked");
        await (await Api.PostAsync("/api/auth/refresh", new { refreshToken = phone.RefreshToken })).ShouldBeProblem(401, "token_revoked");

        await (await Api.GetAsync("/api/users/me", laptop.AccessToken)).ShouldHaveStatus(200);
        Assert.That(laptopHub.Closed.IsCompleted, Is.False, "the other device's hub connection stays open");
        var refreshed = await Api.RefreshAsync(laptop.RefreshToken);
        var left = await SessionsAsync(refreshed.AccessToken);
        Assert.That(left.Select(s => s.GetProperty("id").GetString()), Is.EqualTo(new[] { Sid(laptop) }));
    }

    [Test]
    public async Task Deleting_the_callers_own_session_signs_that_device_out()
    {
        await Api.RegisterAsync("alice");
        var pair = await Api.LoginAsync("alice");

        await (await Api.DeleteAsync($"/api/users/me/sessions/{Sid(pair)}", pair.AccessToken)).ShouldHaveStatus(204);

        await (await Api.GetAsync("/api/users/me", pair.AccessToken)).ShouldBeProblem(401, "token_revoked");
    }

    [Test]
    public async Task Deleting_an_unknown_session_or_one_of_another_user_is_404_and_changes_nothing()
    {
        await Api.RegisterAsync("alice");
        var alice = await Api.LoginAsync("alice");
        var bob = await Api.RegisterAndLoginAsync("bob");

        await (await Api.DeleteAsync($"/api/users/me/sessions/{Guid.NewGuid()}", alice.AccessToken)).ShouldBeProblem(404, "not_found");
        await (await Api.DeleteAsync($"/api/users/me/sessions/{Sid(bob)}", alice.AccessToken)).ShouldBeProblem(404, "not_found");

        await (await Api.GetAsync("/api/users/me", bob.AccessToken)).ShouldHaveStatus(200);
        await Api.RefreshAsync(bob.RefreshToken);
        Assert.That(await Database.ScalarAsync<long>("""SELECT count(*) FROM sessions WHERE "RevokedAt" IS NOT NULL"""), Is.EqualTo(0));
    }

    [Test]
    public async Task Two_concurrent_deletes_of_one_session_both_succeed_and_record_it_once()
    {
        await Api.RegisterAsync("alice");
        var phone = await Api.LoginAsync("alice");
        var laptop = await Api.LoginAsync("alice");

        var responses = await Task.WhenAll(
            Api.DeleteAsync($"/api/users/me/sessions/{Sid(phone)}", laptop.AccessToken),
            Api.DeleteAsync($"/api/users/me/sessions/{Sid(phone)}", laptop.AccessToken));

        foreach (var response in responses)
        {
            await response.ShouldHaveStatus(204);
        }

        Assert.That(await Database.ScalarAsync<long>("""SELECT count(*) FROM audit_events WHERE "Type" = 'session_revoked'"""), Is.EqualTo(1));
        await (await Api.GetAsync("/api/users/me", phone.AccessToken)).ShouldBeProblem(401, "token_revoked");
    }

    [Test]
    public async Task The_session_endpoints_need_an_access_token()
    {
        await (await Api.GetAsync("/api/users/me/sessions")).ShouldBeProblem(401, "token_missing");
        await (await Api.DeleteAsync($"/api/users/me/sessions/{Guid.NewGuid()}")).ShouldBeProblem(401, "token_missing");
    }

    private static string Sid(TokenPair pair) => JwtClaims.Payload(pair.AccessToken).GetProperty("sid").GetString()!;

    private async Task<List<JsonElement>> SessionsAsync(string accessToken) =>
        (await (await Api.GetAsync("/api/users/me/sessions", accessToken)).ShouldHaveStatus(200)).EnumerateArray().ToList();

    private async Task<TokenPair> LoginFromAsync(string username, string userAgent)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { username, password = Api.Password }),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        var body = await (await Api.Http.SendAsync(request)).ShouldHaveStatus(200);
        return new TokenPair(body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!, body);
    }
}
