using ChatPlatform.Infrastructure.Tokens;
using ChatPlatform.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChatPlatform.WebApi.IntegrationTests.Auth;

public sealed class TwoFactorTests : ApiTest
{
    [Test]
    public async Task Two_factor_is_enabled_with_an_emailed_code_and_then_login_needs_a_second_emailed_code()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");

        await (await Api.PostAsync("/api/users/me/2fa/enable", new { password = Api.Password }, alice.AccessToken)).ShouldHaveStatus(202);
        var enableCode = await Mailbox.TakeCodeAsync("alice@example.com");
        await (await Api.PostAsync("/api/users/me/2fa/confirm", new { code = OtherThan(enableCode) }, alice.AccessToken)).ShouldBeProblem(400, "invalid_code");
        await (await Api.PostAsync("/api/users/me/2fa/confirm", new { code = enableCode }, alice.AccessToken)).ShouldHaveStatus(204);
        var me = await (await Api.GetAsync("/api/users/me", alice.AccessToken)).ShouldHaveStatus(200);
        Assert.That(me.GetProperty("twoFactorEnabled").GetBoolean(), Is.True);

        var challenge = await StartLoginAsync("alice");
        var code = await Mailbox.TakeCodeAsync("alice@example.com");
        var pair = await (await Api.PostAsync("/api/auth/login/2fa", new { challengeToken = challenge, code })).ShouldHaveStatus(200);

        Assert.That(pair.GetProperty("user").GetProperty("username").GetString(), Is.EqualTo("alice"));
        Assert.That(pair.GetProperty("refreshToken").GetString(), Is.Not.Empty);
        await (await Api.GetAsync("/api/auth/protected", pair.GetProperty("accessToken").GetString())).ShouldHaveStatus(200);
        await (await Api.PostAsync("/api/auth/login/2fa", new { challengeToken = challenge, code })).ShouldBeProblem(401, "invalid_code");
    }

    [Test]
    public async Task An_expired_code_is_rejected()
    {
        await EnableTwoFactorAsync("alice");
        var challenge = await StartLoginAsync("alice");
        var code = await Mailbox.TakeCodeAsync("alice@example.com");

        Clock.Advance(TimeSpan.FromMinutes(6));

        await (await Api.PostAsync("/api/auth/login/2fa", new { challengeToken = challenge, code })).ShouldBeProblem(401, "invalid_code");
    }

    [Test]
    public async Task A_wrong_code_or_unknown_challenge_is_401_invalid_code_and_the_right_code_still_works()
    {
        await EnableTwoFactorAsync("alice");
        var challenge = await StartLoginAsync("alice");
        var code = await Mailbox.TakeCodeAsync("alice@example.com");

        await (await Api.PostAsync("/api/auth/login/2fa", new { challengeToken = challenge, code = OtherThan(code) })).ShouldBeProblem(401, "invalid_code");
        await (await Api.PostAsync("/api/auth/login/2fa", new { challengeToken = "not-a-challenge", code })).ShouldBeProblem(401, "invalid_code");

        await (await Api.PostAsync("/api/auth/login/2fa", new { challengeToken = challenge, code })).ShouldHaveStatus(200);
        var failures = await Database.ScalarAsync<int>("""SELECT "AccessFailedCount" FROM users WHERE "UserName" = 'alice'""");
        Assert.That(failures, Is.EqualTo(0), "a successful two-factor login clears the failed attempts");
    }

    [Test]
    public async Task Wrong_codes_count_towards_lockout()
    {
        await EnableTwoFactorAsync("alice");
        var challenge = await StartLoginAsync("alice");
        var code = await Mailbox.TakeCodeAsync("alice@example.com");

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await (await Api.PostAsync("/api/auth/login/2fa", new { challengeToken = challenge, code = OtherThan(code) })).ShouldBeProblem(401, "invalid_code");
        }

        // The challenge itself is dead now (401 invalid_code); a fresh login meets the lockout.
        await (await Api.PostAsync("/api/auth/login/2fa", new { challengeToken = challenge, code })).ShouldBeProblem(401, "invalid_code");
        var locked = await Api.PostAsync("/api/auth/login", new { username = "alice", password = Api.Password });
        await locked.ShouldBeProblem(429, "account_locked");
        Assert.That(locked.Headers.RetryAfter, Is.Not.Null);
    }

    [Test]
    public async Task The_challenge_token_is_never_accepted_as_an_access_token()
    {
        await EnableTwoFactorAsync("alice");
        var challenge = await StartLoginAsync("alice");

        await (await Api.GetAsync("/api/auth/protected", challenge)).ShouldBeProblem(401, "token_invalid");
        var stored = await Database.ScalarAsync<long>(
            """SELECT count(*) FROM two_factor_codes WHERE "ChallengeHash" = @raw OR "CodeHash" = @raw""", ("raw", challenge));
        Assert.That(stored, Is.EqualTo(0));
    }

    [Test]
    public async Task Two_factor_login_in_cookie_mode_puts_the_refresh_token_in_the_cookie()
    {
        await EnableTwoFactorAsync("alice");
        var challenge = await StartLoginAsync("alice");
        var code = await Mailbox.TakeCodeAsync("alice@example.com");

        var response = await Api.PostAsync("/api/auth/login/2fa?useCookie=true", new { challengeToken = challenge, code });

        var body = await response.ShouldHaveStatus(200);
        Assert.That(body.TryGetProperty("refreshToken", out _), Is.False);
        Assert.That(response.Headers.GetValues("Set-Cookie").Single(), Does.StartWith("refresh_token=").And.Contain("httponly").IgnoreCase);
    }

    [Test]
    public async Task Disabling_needs_the_password_and_then_login_answers_the_token_pair_at_once()
    {
        var alice = await EnableTwoFactorAsync("alice");

        await (await Api.PostAsync("/api/users/me/2fa/disable", new { password = "Wr0ngPassword" }, alice.AccessToken)).ShouldBeProblem(401, "invalid_credentials");
        await StartLoginAsync("alice");
        await (await Api.PostAsync("/api/users/me/2fa/disable", new { password = Api.Password }, alice.AccessToken)).ShouldHaveStatus(204);

        await Api.LoginAsync("alice");
    }

    [Test]
    public async Task Expired_codes_are_purged_by_the_maintenance_job()
    {
        await EnableTwoFactorAsync("alice");
        await StartLoginAsync("alice");
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM two_factor_codes"), Is.EqualTo(2));

        Clock.Advance(TimeSpan.FromMinutes(6));
        await Factory.Services.GetRequiredService<RevocationMaintenance>().PurgeAsync(CancellationToken.None);

        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM two_factor_codes"), Is.EqualTo(0));
    }

    private static string OtherThan(string code) => code == "000000" ? "111111" : "000000";

    private async Task<TokenPair> EnableTwoFactorAsync(string username)
    {
        var pair = await Api.RegisterAndLoginAsync(username);
        await (await Api.PostAsync("/api/users/me/2fa/enable", new { password = Api.Password }, pair.AccessToken)).ShouldHaveStatus(202);
        var code = await Mailbox.TakeCodeAsync($"{username}@example.com");
        await (await Api.PostAsync("/api/users/me/2fa/confirm", new { code }, pair.AccessToken)).ShouldHaveStatus(204);
        return pair;
    }

    private async Task<string> StartLoginAsync(string username)
    {
        var body = await (await Api.PostAsync("/api/auth/login", new { username, password = Api.Password })).ShouldHaveStatus(202);
        Assert.That(body.GetProperty("twoFactorRequired").GetBoolean(), Is.True);
        Assert.That(body.TryGetProperty("accessToken", out _), Is.False);
        return body.GetProperty("challengeToken").GetString()!;
    }
}
