using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Account;

public sealed class PasswordResetTests : ChatTest
{
    private const string NewPassword = "Fresh-Start-42";

    [Test]
    public async Task A_reset_code_sets_a_new_password_once_and_a_notice_without_a_code_follows()
    {
        await Api.RegisterAsync("alice");

        await (await Api.PostAsync("/api/auth/password/forgot", new { email = "alice@example.com" })).ShouldHaveStatus(202);
        var code = await Mailbox.TakeCodeAsync("alice@example.com", subject: Mailbox.ResetSubject);
        Assert.That(code, Does.Match("^[A-Za-z0-9_-]{22,}$"), "at least 128 bits, URL-safe");

        await (await ResetAsync("alice@example.com", code, NewPassword)).ShouldHaveStatus(204);

        await (await Api.PostAsync("/api/auth/login", new { username = "alice", password = Api.Password })).ShouldBeProblem(401, "invalid_credentials");
        await Api.LoginAsync("alice", NewPassword);
        await (await ResetAsync("alice@example.com", code, "Another-Pass-7")).ShouldBeProblem(400, "invalid_code");
        var notice = await Mailbox.TakeAsync("alice@example.com", "Your password was reset");
        Assert.That(notice, Does.Not.Contain("Code:"));
        var stored = await Database.ScalarAsync<long>("""SELECT count(*) FROM account_codes WHERE "CodeHash" = @raw""", ("raw", code));
        Assert.That(stored, Is.EqualTo(0), "the code is stored only as a hash");
    }

    [Test]
    public async Task Forgot_for_an_unknown_address_answers_exactly_as_for_a_known_one_and_sends_nothing()
    {
        await Api.RegisterAsync("alice");

        var known = await Api.PostAsync("/api/auth/password/forgot", new { email = "alice@example.com" });
        var unknown = await Api.PostAsync("/api/auth/password/forgot", new { email = "nobody@example.com" });

        Assert.That((int)unknown.StatusCode, Is.EqualTo((int)known.StatusCode).And.EqualTo(202));
        Assert.That(await unknown.Content.ReadAsStringAsync(), Is.EqualTo(await known.Content.ReadAsStringAsync()));
        Assert.That(unknown.Content.Headers.ContentType, Is.EqualTo(known.Content.Headers.ContentType));
        Assert.That(
            await Database.ScalarAsync<long>("""SELECT count(*) FROM email_outbox WHERE "Recipient" = 'nobody@example.com'"""),
            Is.EqualTo(0),
            "no email is stored for an address nobody has (emails are stored with the request's commit)");
        Assert.That(await Mailbox.QueuedAsync(Mailbox.ResetSubject), Is.EqualTo(1));
        await Mailbox.TakeCodeAsync("alice@example.com", subject: Mailbox.ResetSubject);
    }

    [TestCase("not-an-email")]
    [TestCase(" alice@example.com")]
    [TestCase("Alice <alice@example.com>")]
    [TestCase("")]
    public async Task Forgot_with_a_malformed_email_is_400_naming_email(string email)
    {
        var problem = await (await Api.PostAsync("/api/auth/password/forgot", new { email })).ShouldBeProblem(400, "validation_failed");

        Assert.That(problem.GetProperty("errors").TryGetProperty("email", out _), Is.True);
        Assert.That(await Mailbox.QueuedAsync(Mailbox.ResetSubject), Is.EqualTo(0));
    }

    [Test]
    public async Task A_reset_code_expires_after_the_configured_lifetime()
    {
        await Api.RegisterAsync("alice");
        await (await Api.PostAsync("/api/auth/password/forgot", new { email = "alice@example.com" })).ShouldHaveStatus(202);
        var code = await Mailbox.TakeCodeAsync("alice@example.com", subject: Mailbox.ResetSubject);

        Clock.Advance(TimeSpan.FromMinutes(31));

        await (await ResetAsync("alice@example.com", code, NewPassword)).ShouldBeProblem(400, "invalid_code");
        await Api.LoginAsync("alice");
    }

    [Test]
    public async Task A_code_still_works_just_before_it_expires()
    {
        await Api.RegisterAsync("alice");
        await (await Api.PostAsync("/api/auth/password/forgot", new { email = "alice@example.com" })).ShouldHaveStatus(202);
        var code = await Mailbox.TakeCodeAsync("alice@example.com", subject: Mailbox.ResetSubject);

        Clock.Advance(TimeSpan.FromMinutes(29));

        await (await ResetAsync("alice@example.com", code, NewPassword)).ShouldHaveStatus(204);
    }

    [Test]
    public async Task A_code_of_one_account_does_not_reset_another()
    {
        await Api.RegisterAsync("alice");
        await Api.RegisterAsync("bob");
        await (await Api.PostAsync("/api/auth/password/forgot", new { email = "alice@example.com" })).ShouldHaveStatus(202);
        var aliceCode = await Mailbox.TakeCodeAsync("alice@example.com", subject: Mailbox.ResetSubject);

        await (await ResetAsync("bob@example.com", aliceCode, NewPassword)).ShouldBeProblem(400, "invalid_code");
        await (await ResetAsync("nobody@example.com", aliceCode, NewPassword)).ShouldBeProblem(400, "invalid_code");

        await Api.LoginAsync("bob");
        await (await ResetAsync("alice@example.com", aliceCode, NewPassword)).ShouldHaveStatus(204);
    }

    [Test]
    public async Task A_new_code_kills_the_one_before()
    {
        await Api.RegisterAsync("alice");
        await (await Api.PostAsync("/api/auth/password/forgot", new { email = "alice@example.com" })).ShouldHaveStatus(202);
        var first = await Mailbox.TakeCodeAsync("alice@example.com", subject: Mailbox.ResetSubject);
        await (await Api.PostAsync("/api/auth/password/forgot", new { email = "alice@example.com" })).ShouldHaveStatus(202);
        var second = await Mailbox.TakeCodeAsync("alice@example.com", subject: Mailbox.ResetSubject);

        await (await ResetAsync("alice@example.com", first, NewPassword)).ShouldBeProblem(400, "invalid_code");
        await (await ResetAsync("alice@example.com", second, NewPassword)).ShouldHaveStatus(204);
        await (await ResetAsync("alice@example.com", first, "Another-Pass-7")).ShouldBeProblem(400, "invalid_code");
    }

    [TestCase("short1")]
    [TestCase("my-alice-pass-1")]
    public async Task A_weak_new_password_is_400_naming_newPassword_and_leaves_the_code_usable(string weak)
    {
        await Api.RegisterAsync("alice");
        await (await Api.PostAsync("/api/auth/password/forgot", new { email = "alice@example.com" })).ShouldHaveStatus(202);
        var code = await Mailbox.TakeCodeAsync("alice@example.com", subject: Mailbox.ResetSubject);

        var problem = await (await ResetAsync("alice@example.com", code, weak)).ShouldBeProblem(400, "validation_failed");

        Assert.That(problem.GetProperty("errors").TryGetProperty("newPassword", out _), Is.True);
        await Api.LoginAsync("alice");
        Assert.That(await Mailbox.QueuedAsync("Your password was reset"), Is.EqualTo(0), "the refused reset stored no notice");
        await (await ResetAsync("alice@example.com", code, NewPassword)).ShouldHaveStatus(204);
    }

    [Test]
    public async Task After_five_wrong_codes_even_the_right_one_is_refused()
    {
        await Api.RegisterAsync("alice");
        await (await Api.PostAsync("/api/auth/password/forgot", new { email = "alice@example.com" })).ShouldHaveStatus(202);
        var code = await Mailbox.TakeCodeAsync("alice@example.com", subject: Mailbox.ResetSubject);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await (await ResetAsync("alice@example.com", "wrong-" + code, NewPassword)).ShouldBeProblem(400, "invalid_code");
        }

        await (await ResetAsync("alice@example.com", code, NewPassword)).ShouldBeProblem(400, "invalid_code");
        await Api.LoginAsync("alice");
    }

    [Test]
    public async Task A_reset_revokes_every_session_closes_hub_connections_and_ends_a_lockout()
    {
        await Api.RegisterAsync("alice");
        var phone = await Api.LoginAsync("alice");
        var laptop = await Api.LoginAsync("alice");
        var hub = await ConnectHubAsync(laptop.AccessToken);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Api.PostAsync("/api/auth/login", new { username = "alice", password = "Wr0ng-guess" });
        }

        await (await Api.PostAsync("/api/auth/login", new { username = "alice", password = Api.Password })).ShouldBeProblem(429, "account_locked");

        await (await Api.PostAsync("/api/auth/password/forgot", new { email = "alice@example.com" })).ShouldHaveStatus(202);
        var code = await Mailbox.TakeCodeAsync("alice@example.com", subject: Mailbox.ResetSubject);
        await (await ResetAsync("alice@example.com", code, NewPassword)).ShouldHaveStatus(204);

        await hub.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        await (await Api.GetAsync("/api/auth/protected", phone.AccessToken)).ShouldBeProblem(401, "token_revoked");
        await (await Api.GetAsync("/api/auth/protected", laptop.AccessToken)).ShouldBeProblem(401, "token_revoked");
        await (await Api.PostAsync("/api/auth/refresh", new { refreshToken = phone.RefreshToken })).ShouldBeProblem(401, "token_revoked");
        var fresh = await Api.LoginAsync("alice", NewPassword);
        await (await Api.GetAsync("/api/auth/protected", fresh.AccessToken)).ShouldHaveStatus(200);
    }

    private Task<HttpResponseMessage> ResetAsync(string email, string code, string newPassword) =>
        Api.PostAsync("/api/auth/password/reset", new { email, code, newPassword });
}
