using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Security;

/// <summary>Two-factor codes cannot be guessed without limit.</summary>
public sealed class AttemptCapTests : ApiTest
{
    private static string OtherThan(string code) => code == "000000" ? "111111" : "000000";

    private async Task EnableTwoFactorAsync(string username)
    {
        var pair = await Api.RegisterAndLoginAsync(username);
        await (await Api.PostAsync("/api/users/me/2fa/enable", new { password = Api.Password }, pair.AccessToken)).ShouldHaveStatus(202);
        var code = await Mailbox.TakeCodeAsync($"{username}@example.com");
        await (await Api.PostAsync("/api/users/me/2fa/confirm", new { code }, pair.AccessToken)).ShouldHaveStatus(204);
    }

    private async Task<string> StartLoginAsync(string username)
    {
        var body = await (await Api.PostAsync("/api/auth/login", new { username, password = Api.Password })).ShouldHaveStatus(202);
        return body.GetProperty("challengeToken").GetString()!;
    }

    [Test]
    public async Task A_challenge_dies_after_five_wrong_codes_and_then_even_the_right_code_is_401_invalid_code()
    {
        // Lockout is set out of reach so that only the challenge's own cap can refuse the right code.
        await using var lenient = await TestRun.CreateApiAsync(new Dictionary<string, string?> { ["Identity:Lockout:MaxFailedAttempts"] = "1000" });
        using var api = new Api(lenient.CreateApiClient());
        var alice = await api.RegisterAndLoginAsync("alice");
        await (await api.PostAsync("/api/users/me/2fa/enable", new { password = Api.Password }, alice.AccessToken)).ShouldHaveStatus(202);
        var enable = await Mailbox.TakeCodeAsync("alice@example.com", lenient);
        await (await api.PostAsync("/api/users/me/2fa/confirm", new { code = enable }, alice.AccessToken)).ShouldHaveStatus(204);
        var challenge = (await (await api.PostAsync("/api/auth/login", new { username = "alice", password = Api.Password })).ShouldHaveStatus(202))
            .GetProperty("challengeToken").GetString();
        var code = await Mailbox.TakeCodeAsync("alice@example.com", lenient);

        for (var i = 0; i < 5; i++)
        {
            await (await api.PostAsync("/api/auth/login/2fa", new { challengeToken = challenge, code = OtherThan(code) })).ShouldBeProblem(401, "invalid_code");
        }

        await (await api.PostAsync("/api/auth/login/2fa", new { challengeToken = challenge, code })).ShouldBeProblem(401, "invalid_code");
    }

    [Test]
    public async Task A_correct_password_does_not_reset_the_count_of_wrong_codes()
    {
        await EnableTwoFactorAsync("alice");
        var first = await StartLoginAsync("alice");
        var code = await Mailbox.TakeCodeAsync("alice@example.com");
        for (var i = 0; i < 4; i++)
        {
            await (await Api.PostAsync("/api/auth/login/2fa", new { challengeToken = first, code = OtherThan(code) })).ShouldBeProblem(401, "invalid_code");
        }

        var second = await StartLoginAsync("alice");
        code = await Mailbox.TakeCodeAsync("alice@example.com");
        await (await Api.PostAsync("/api/auth/login/2fa", new { challengeToken = second, code = OtherThan(code) })).ShouldBeProblem(401, "invalid_code");

        await (await Api.PostAsync("/api/auth/login", new { username = "alice", password = Api.Password })).ShouldBeProblem(429, "account_locked");
    }

    [Test]
    public async Task After_five_wrong_confirm_codes_the_pending_code_is_void_until_enable_is_called_again()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        await (await Api.PostAsync("/api/users/me/2fa/enable", new { password = Api.Password }, alice.AccessToken)).ShouldHaveStatus(202);
        var code = await Mailbox.TakeCodeAsync("alice@example.com");

        for (var i = 0; i < 5; i++)
        {
            await (await Api.PostAsync("/api/users/me/2fa/confirm", new { code = OtherThan(code) }, alice.AccessToken)).ShouldBeProblem(400, "invalid_code");
        }

        await (await Api.PostAsync("/api/users/me/2fa/confirm", new { code }, alice.AccessToken)).ShouldBeProblem(400, "invalid_code");
        var me = await (await Api.GetAsync("/api/users/me", alice.AccessToken)).ShouldHaveStatus(200);
        Assert.That(me.GetProperty("twoFactorEnabled").GetBoolean(), Is.False);

        await (await Api.PostAsync("/api/users/me/2fa/enable", new { password = Api.Password }, alice.AccessToken)).ShouldHaveStatus(202);
        var fresh = await Mailbox.TakeCodeAsync("alice@example.com");
        await (await Api.PostAsync("/api/users/me/2fa/confirm", new { code = fresh }, alice.AccessToken)).ShouldHaveStatus(204);
    }
}
