using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Security;

/// <summary>A stolen access token alone cannot move the account's email or turn two-factor on.</summary>
public sealed class AccountTakeoverTests : ApiTest
{
    private static Task<string> EmailOfAsync(string username) =>
        Database.ScalarAsync<string>("""SELECT "Email" FROM users WHERE "UserName" = @name""", ("name", username));

    [Test]
    public async Task Changing_the_email_without_the_current_password_is_a_400_naming_currentPassword_and_changes_nothing()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");

        var problem = await (await Api.PutAsync("/api/users/me", new { email = "thief@evil.test" }, alice.AccessToken))
            .ShouldBeProblem(400, "validation_failed");

        Assert.That(problem.GetProperty("errors").TryGetProperty("currentPassword", out _), Is.True);
        Assert.That(await EmailOfAsync("alice"), Is.EqualTo("alice@example.com"));
    }

    [Test]
    public async Task Changing_the_email_with_a_wrong_password_is_401_invalid_credentials_and_changes_nothing()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");

        await (await Api.PutAsync("/api/users/me", new { email = "thief@evil.test", currentPassword = "Guessed123!" }, alice.AccessToken))
            .ShouldBeProblem(401, "invalid_credentials");

        Assert.That(await EmailOfAsync("alice"), Is.EqualTo("alice@example.com"));
        Assert.That(await Mailbox.QueuedOtherThanConfirmationsAsync(), Is.EqualTo(0));
    }

    [Test]
    public async Task Changing_the_email_with_the_password_works_and_notifies_the_old_address_without_a_code()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");

        var me = await (await Api.PutAsync("/api/users/me", new { email = "alice@new.test", currentPassword = Api.Password }, alice.AccessToken))
            .ShouldHaveStatus(200);

        Assert.That(me.GetProperty("email").GetString(), Is.EqualTo("alice@new.test"));
        var notice = await Mailbox.TakeAsync("alice@example.com", "Your email address was changed");
        Assert.That(notice, Does.Contain("alice@new.test"));
        Assert.That(notice, Does.Not.Contain("Code:"));
        Assert.That(await Mailbox.QueuedAsync("Your email address was changed"), Is.EqualTo(1), "one notice, to the old address only");
    }

    [Test]
    public async Task Other_profile_fields_change_without_the_password()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");

        await (await Api.PutAsync("/api/users/me", new { firstName = "Alice", email = "alice@example.com" }, alice.AccessToken)).ShouldHaveStatus(200);
    }

    [Test]
    public async Task Enabling_two_factor_without_the_password_is_400_and_with_a_wrong_one_401_and_no_code_is_sent()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");

        await (await Api.PostAsync("/api/users/me/2fa/enable", new { }, alice.AccessToken)).ShouldBeProblem(400, "validation_failed");
        await (await Api.PostAsync("/api/users/me/2fa/enable", new { password = "Guessed123!" }, alice.AccessToken))
            .ShouldBeProblem(401, "invalid_credentials");

        Assert.That(await Mailbox.QueuedOtherThanConfirmationsAsync(), Is.EqualTo(0));
        Assert.That(await Database.ScalarAsync<long>("""SELECT count(*) FROM two_factor_codes"""), Is.EqualTo(0));
    }
}
