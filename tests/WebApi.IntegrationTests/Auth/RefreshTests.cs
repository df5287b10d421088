using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Auth;

public sealed class RefreshTests : ApiTest
{
    [Test]
    public async Task Refresh_returns_a_new_pair_of_the_same_session_and_spends_the_old_token()
    {
        var first = await Api.RegisterAndLoginAsync("alice");

        var second = await Api.RefreshAsync(first.RefreshToken);

        Assert.That(second.RefreshToken, Is.Not.EqualTo(first.RefreshToken));
        Assert.That(second.AccessToken, Is.Not.EqualTo(first.AccessToken));
        Assert.That(JwtClaims.Payload(second.AccessToken).GetProperty("sid").GetString(),
            Is.EqualTo(JwtClaims.Payload(first.AccessToken).GetProperty("sid").GetString()));
        await (await Api.GetAsync("/api/auth/protected", second.AccessToken)).ShouldHaveStatus(200);
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM refresh_tokens WHERE \"UsedAt\" IS NOT NULL"), Is.EqualTo(1));
    }

    [Test]
    public async Task Refresh_token_reused_after_rotation_revokes_the_whole_family()
    {
        var first = await Api.RegisterAndLoginAsync("alice");
        var second = await Api.RefreshAsync(first.RefreshToken);

        var reuse = await Api.PostAsync("/api/auth/refresh", new { refreshToken = first.RefreshToken });
        await reuse.ShouldBeProblem(401, "token_revoked");

        var afterReuse = await Api.PostAsync("/api/auth/refresh", new { refreshToken = second.RefreshToken });
        await afterReuse.ShouldBeProblem(401, "token_revoked");
        await (await Api.GetAsync("/api/auth/protected", second.AccessToken)).ShouldBeProblem(401, "token_revoked");
        await (await Api.GetAsync("/api/auth/protected", first.AccessToken)).ShouldBeProblem(401, "token_revoked");
    }

    [Test]
    public async Task Reuse_in_one_session_leaves_the_users_other_sessions_alive()
    {
        await Api.RegisterAsync("alice");
        var phone = await Api.LoginAsync("alice");
        var laptop = await Api.LoginAsync("alice");
        await Api.RefreshAsync(phone.RefreshToken);

        await Api.PostAsync("/api/auth/refresh", new { refreshToken = phone.RefreshToken });

        await (await Api.GetAsync("/api/auth/protected", laptop.AccessToken)).ShouldHaveStatus(200);
        await Api.RefreshAsync(laptop.RefreshToken);
    }

    [Test]
    public async Task Of_concurrent_refreshes_with_one_token_exactly_one_succeeds()
    {
        var pair = await Api.RegisterAndLoginAsync("alice");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(_ => Api.PostAsync("/api/auth/refresh", new { refreshToken = pair.RefreshToken })));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == 200), Is.EqualTo(1), string.Join(",", statuses));
        Assert.That(statuses.Count(s => s == 401), Is.EqualTo(5), string.Join(",", statuses));
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM refresh_tokens WHERE \"UsedAt\" IS NULL"), Is.LessThanOrEqualTo(1));
    }

    [Test]
    public async Task An_access_token_presented_as_refresh_token_is_invalid()
    {
        var pair = await Api.RegisterAndLoginAsync("alice");

        var response = await Api.PostAsync("/api/auth/refresh", new { refreshToken = pair.AccessToken });

        await response.ShouldBeProblem(401, "token_invalid");
    }

    [Test]
    public async Task An_unknown_refresh_token_is_invalid()
    {
        var response = await Api.PostAsync("/api/auth/refresh", new { refreshToken = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" });

        await response.ShouldBeProblem(401, "token_invalid");
    }

    [Test]
    public async Task A_missing_refresh_token_is_a_validation_failure()
    {
        var response = await Api.PostAsync("/api/auth/refresh", new { });

        var problem = await response.ShouldBeProblem(400, "validation_failed");
        Assert.That(problem.GetProperty("errors").TryGetProperty("refreshToken", out _), Is.True);
    }

    [Test]
    public async Task A_refresh_token_past_its_lifetime_is_expired()
    {
        var pair = await Api.RegisterAndLoginAsync("alice");
        Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        var response = await Api.PostAsync("/api/auth/refresh", new { refreshToken = pair.RefreshToken });

        await response.ShouldBeProblem(401, "token_expired");
    }

    [Test]
    public async Task Refreshing_never_extends_a_session_past_its_absolute_lifetime()
    {
        var pair = await Api.RegisterAndLoginAsync("alice");
        for (var refresh = 0; refresh < 4; refresh++)
        {
            Clock.Advance(TimeSpan.FromDays(6));
            pair = await Api.RefreshAsync(pair.RefreshToken);
        }

        // Day 24 of a 30-day session: the new token lives 6 days, not the usual 7.
        Assert.That(pair.Body.GetProperty("refreshExpiresIn").GetInt32(), Is.EqualTo((int)TimeSpan.FromDays(6).TotalSeconds).Within(1));
        Clock.Advance(TimeSpan.FromDays(6) + TimeSpan.FromMinutes(1));

        var response = await Api.PostAsync("/api/auth/refresh", new { refreshToken = pair.RefreshToken });
        await response.ShouldBeProblem(401, "token_expired");
    }

    [Test]
    public async Task A_refresh_carries_the_users_current_roles()
    {
        var pair = await Api.RegisterAndLoginAsync("alice");
        await Database.ScalarAsync<int>(
            """
            INSERT INTO user_roles ("UserId", "RoleId")
            SELECT u."Id", r."Id" FROM users u, roles r WHERE u."UserName" = 'alice' AND r."Name" = 'admin';
            SELECT 1;
            """);

        var refreshed = await Api.RefreshAsync(pair.RefreshToken);

        Assert.That(refreshed.Body.GetProperty("user").GetProperty("roles").Strings(), Is.EqualTo(new[] { "admin", "user" }));
        Assert.That(JwtClaims.Payload(refreshed.AccessToken).GetProperty("role").Strings(), Is.EqualTo(new[] { "admin", "user" }));
    }
}
