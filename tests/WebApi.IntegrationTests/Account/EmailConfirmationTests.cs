using System.Text.Json;
using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Account;

public sealed class EmailConfirmationTests : ApiTest
{
    [Test]
    public async Task Registration_emails_a_code_that_confirms_the_address_once()
    {
        var alice = await Api.RegisterAsync("alice");
        Assert.That(alice.GetProperty("emailConfirmed").GetBoolean(), Is.False);
        var code = await Mailbox.TakeCodeAsync("alice@example.com", subject: Mailbox.ConfirmSubject);
        Assert.That(code, Does.Match("^[A-Za-z0-9_-]{22,}$"));

        await (await ConfirmAsync(alice, code)).ShouldHaveStatus(204);

        var pair = await Api.LoginAsync("alice");
        var me = await (await Api.GetAsync("/api/users/me", pair.AccessToken)).ShouldHaveStatus(200);
        Assert.That(me.GetProperty("emailConfirmed").GetBoolean(), Is.True);
        await (await ConfirmAsync(alice, code)).ShouldBeProblem(400, "invalid_code");
    }

    [Test]
    public async Task A_wrong_code_an_unknown_user_or_another_users_code_is_400_invalid_code()
    {
        var alice = await Api.RegisterAsync("alice");
        var bob = await Api.RegisterAsync("bob");
        var aliceCode = await Mailbox.TakeCodeAsync("alice@example.com", subject: Mailbox.ConfirmSubject);

        await (await ConfirmAsync(alice, "not-the-code")).ShouldBeProblem(400, "invalid_code");
        await (await Api.PostAsync("/api/auth/email/confirm", new { userId = Guid.NewGuid(), code = aliceCode })).ShouldBeProblem(400, "invalid_code");
        await (await ConfirmAsync(bob, aliceCode)).ShouldBeProblem(400, "invalid_code");

        Assert.That(await ConfirmedAsync("bob"), Is.False);
        await (await ConfirmAsync(alice, aliceCode)).ShouldHaveStatus(204);
    }

    [Test]
    public async Task A_malformed_request_is_400_validation_failed()
    {
        await (await Api.PostAsync("/api/auth/email/confirm", new { code = "abc" })).ShouldBeProblem(400, "validation_failed");
        await (await Api.PostAsync("/api/auth/email/confirm", new { userId = Guid.NewGuid(), code = new string('a', 200) }))
            .ShouldBeProblem(400, "validation_failed");
    }

    [Test]
    public async Task A_confirmation_code_expires()
    {
        var alice = await Api.RegisterAsync("alice");
        var code = await Mailbox.TakeCodeAsync("alice@example.com", subject: Mailbox.ConfirmSubject);

        Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        await (await ConfirmAsync(alice, code)).ShouldBeProblem(400, "invalid_code");
    }

    [Test]
    public async Task Resending_emails_a_new_code_and_the_old_one_dies()
    {
        var alice = await Api.RegisterAsync("alice");
        var pair = await Api.LoginAsync("alice");
        var first = await Mailbox.TakeCodeAsync("alice@example.com", subject: Mailbox.ConfirmSubject);

        await (await Api.PostAsync("/api/users/me/email/resend", null, pair.AccessToken)).ShouldHaveStatus(202);
        var second = await Mailbox.TakeCodeAsync("alice@example.com", subject: Mailbox.ConfirmSubject);

        await (await ConfirmAsync(alice, first)).ShouldBeProblem(400, "invalid_code");
        await (await ConfirmAsync(alice, second)).ShouldHaveStatus(204);
        await (await Api.PostAsync("/api/users/me/email/resend", null)).ShouldBeProblem(401, "token_missing");
    }

    [Test]
    public async Task A_new_email_is_unconfirmed_until_the_code_sent_to_it_comes_back_and_the_old_address_is_told()
    {
        var alice = await Api.RegisterAsync("alice");
        var pair = await Api.LoginAsync("alice");
        await (await ConfirmAsync(alice, await Mailbox.TakeCodeAsync("alice@example.com", subject: Mailbox.ConfirmSubject))).ShouldHaveStatus(204);
        await (await Api.PostAsync("/api/users/me/email/resend", null, pair.AccessToken)).ShouldHaveStatus(202);

        var me = await (await Api.PutAsync("/api/users/me", new { email = "alice@new.test", currentPassword = Api.Password }, pair.AccessToken))
            .ShouldHaveStatus(200);

        Assert.That(me.GetProperty("emailConfirmed").GetBoolean(), Is.False);
        var notice = await Mailbox.TakeAsync("alice@example.com", "Your email address was changed");
        Assert.That(notice, Does.Not.Contain("Code:"));
        var code = await Mailbox.TakeCodeAsync("alice@new.test", subject: Mailbox.ConfirmSubject);
        await (await ConfirmAsync(alice, code)).ShouldHaveStatus(204);
        Assert.That(await ConfirmedAsync("alice"), Is.True);
    }

    [Test]
    public async Task A_code_sent_to_the_old_address_does_not_confirm_the_new_one()
    {
        var alice = await Api.RegisterAsync("alice");
        var pair = await Api.LoginAsync("alice");
        var oldCode = await Mailbox.TakeCodeAsync("alice@example.com", subject: Mailbox.ConfirmSubject);
        await (await Api.PutAsync("/api/users/me", new { email = "alice@new.test", currentPassword = Api.Password }, pair.AccessToken)).ShouldHaveStatus(200);

        await (await ConfirmAsync(alice, oldCode)).ShouldBeProblem(400, "invalid_code");
        Assert.That(await ConfirmedAsync("alice"), Is.False);
    }

    [Test]
    public async Task A_password_change_emails_a_notice_without_a_code()
    {
        var pair = await Api.RegisterAndLoginAsync("alice");

        await (await Api.PutAsync("/api/users/me/password", new { currentPassword = Api.Password, newPassword = "Fresh-Start-42" }, pair.AccessToken))
            .ShouldHaveStatus(204);

        var notice = await Mailbox.TakeAsync("alice@example.com", "Your password was changed");
        Assert.That(notice, Does.Not.Contain("Code:"));
    }

    [Test]
    public async Task A_change_that_fails_stores_none_of_its_emails()
    {
        await Api.RegisterAsync("bob");
        var pair = await Api.RegisterAndLoginAsync("alice");

        await (await Api.PutAsync("/api/users/me", new { email = "bob@example.com", currentPassword = Api.Password }, pair.AccessToken))
            .ShouldBeProblem(409, "email_taken");

        Assert.That(await Mailbox.QueuedAsync("Your email address was changed"), Is.EqualTo(0));
        Assert.That(
            await Database.ScalarAsync<long>("""SELECT count(*) FROM email_outbox WHERE "Recipient" = 'bob@example.com'"""),
            Is.EqualTo(1),
            "only bob's own confirmation from his registration");
    }

    private Task<HttpResponseMessage> ConfirmAsync(JsonElement user, string code) =>
        Api.PostAsync("/api/auth/email/confirm", new { userId = user.GetProperty("id").GetGuid(), code });

    private static Task<bool> ConfirmedAsync(string username) =>
        Database.ScalarAsync<bool>("""SELECT "EmailConfirmed" FROM users WHERE "UserName" = @name""", ("name", username));
}
