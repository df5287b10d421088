using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Auth;

public sealed class LogoutTests : ApiTest
{
    [Test]
    public async Task After_logout_neither_token_of_the_session_works()
    {
        var pair = await Api.RegisterAndLoginAsync("alice");

        var logout = await Api.PostAsync("/api/auth/logout", new { refreshToken = pair.RefreshToken }, pair.AccessToken);

        await logout.ShouldHaveStatus(204);
        await (await Api.GetAsync("/api/auth/protected", pair.AccessToken)).ShouldBeProblem(401, "token_revoked");
        await (await Api.PostAsync("/api/auth/refresh", new { refreshToken = pair.RefreshToken })).ShouldBeProblem(401, "token_revoked");
        Assert.That(await Database.ScalarAsync<string>("SELECT \"RevokedReason\" FROM sessions"), Is.EqualTo("logout"));
    }

    [Test]
    public async Task Logout_on_one_device_leaves_another_working()
    {
        await Api.RegisterAsync("alice");
        var phone = await Api.LoginAsync("alice");
        var laptop = await Api.LoginAsync("alice");

        await (await Api.PostAsync("/api/auth/logout", new { refreshToken = phone.RefreshToken }, phone.AccessToken)).ShouldHaveStatus(204);

        await (await Api.GetAsync("/api/auth/protected", laptop.AccessToken)).ShouldHaveStatus(200);
        await Api.RefreshAsync(laptop.RefreshToken);
    }

    [Test]
    public async Task Logout_revokes_access_tokens_refreshed_earlier_in_the_same_session()
    {
        var first = await Api.RegisterAndLoginAsync("alice");
        var second = await Api.RefreshAsync(first.RefreshToken);

        await (await Api.PostAsync("/api/auth/logout", new { refreshToken = second.RefreshToken }, second.AccessToken)).ShouldHaveStatus(204);

        await (await Api.GetAsync("/api/auth/protected", first.AccessToken)).ShouldBeProblem(401, "token_revoked");
    }

    [Test]
    public async Task Logout_without_a_refresh_token_is_a_validation_failure_and_changes_nothing()
    {
        var pair = await Api.RegisterAndLoginAsync("alice");

        var response = await Api.PostAsync("/api/auth/logout", new { }, pair.AccessToken);

        await response.ShouldBeProblem(400, "validation_failed");
        await (await Api.GetAsync("/api/auth/protected", pair.AccessToken)).ShouldHaveStatus(200);
    }

    [Test]
    public async Task Logout_requires_a_bearer_token()
    {
        var pair = await Api.RegisterAndLoginAsync("alice");

        var response = await Api.PostAsync("/api/auth/logout", new { refreshToken = pair.RefreshToken });

        await response.ShouldBeProblem(401, "token_missing");
        await Api.RefreshAsync(pair.RefreshToken);
    }

    [Test]
    public async Task Nobody_can_log_out_another_users_session()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        var mallory = await Api.RegisterAndLoginAsync("mallory");

        var response = await Api.PostAsync("/api/auth/logout", new { refreshToken = alice.RefreshToken }, mallory.AccessToken);

        await response.ShouldBeProblem(401, "token_invalid");
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer error=\"invalid_token\""));
        await Api.RefreshAsync(alice.RefreshToken);
    }

    [Test]
    public async Task Logout_all_revokes_every_session_but_not_a_login_made_right_afterwards()
    {
        await Api.RegisterAsync("alice");
        var phone = await Api.LoginAsync("alice");
        var laptop = await Api.LoginAsync("alice");

        await (await Api.PostAsync("/api/auth/logout-all", null, phone.AccessToken)).ShouldHaveStatus(204);
        var fresh = await Api.LoginAsync("alice");

        await (await Api.GetAsync("/api/auth/protected", phone.AccessToken)).ShouldBeProblem(401, "token_revoked");
        await (await Api.GetAsync("/api/auth/protected", laptop.AccessToken)).ShouldBeProblem(401, "token_revoked");
        await (await Api.PostAsync("/api/auth/refresh", new { refreshToken = laptop.RefreshToken })).ShouldBeProblem(401, "token_revoked");
        await (await Api.GetAsync("/api/auth/protected", fresh.AccessToken)).ShouldHaveStatus(200);
        await Api.RefreshAsync(fresh.RefreshToken);
    }

    [Test]
    public async Task Logout_all_leaves_other_users_alone()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        var bob = await Api.RegisterAndLoginAsync("bob");

        await (await Api.PostAsync("/api/auth/logout-all", null, alice.AccessToken)).ShouldHaveStatus(204);

        await (await Api.GetAsync("/api/auth/protected", bob.AccessToken)).ShouldHaveStatus(200);
    }
}
