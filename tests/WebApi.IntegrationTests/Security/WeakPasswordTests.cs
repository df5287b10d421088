using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Security;

/// <summary>Common passwords and passwords built from the account's own names are refused everywhere a password is set.</summary>
public sealed class WeakPasswordTests : ApiTest
{
    private async Task<HttpResponseMessage> RegisterAsync(string username, string email, string password) =>
        await Api.PostAsync("/api/auth/register", new { username, email, password, confirmPassword = password });

    private static async Task ShouldNameField(HttpResponseMessage response, string field)
    {
        var problem = await response.ShouldBeProblem(400, "validation_failed");
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, $"errors names '{field}': {problem}");
    }

    [TestCase("password1")]
    [TestCase("Password123")]
    [TestCase("qwerty123")]
    [TestCase("PASSWORD1")]
    [TestCase("iloveyou1")]
    public async Task A_common_password_is_refused_ignoring_case(string password)
    {
        await ShouldNameField(await RegisterAsync("alice", "alice@example.com", password), "password");

        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM users"), Is.EqualTo(0));
    }

    [TestCase("alice", "someone@example.com", "alice1234")]
    [TestCase("alice", "someone@example.com", "x-ALICE-99")]
    [TestCase("bobby", "carol.smith@example.com", "Carol.Smith-77")]
    public async Task A_password_containing_the_username_or_the_email_name_is_refused(string username, string email, string password)
    {
        await ShouldNameField(await RegisterAsync(username, email, password), "password");
    }

    [Test]
    public async Task An_email_name_shorter_than_three_characters_does_not_count()
    {
        await (await RegisterAsync("alice", "al@example.com", "al-Sturdy-91")).ShouldHaveStatus(201);
    }

    [TestCase("Short1!")]
    public async Task A_password_under_8_or_over_128_characters_is_refused(string password)
    {
        await ShouldNameField(await RegisterAsync("alice", "alice@example.com", password), "password");
        await ShouldNameField(await RegisterAsync("alice", "alice@example.com", "Ab1" + new string('x', 126)), "password");
    }

    [Test]
    public async Task A_new_password_is_checked_the_same_way()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");

        await ShouldNameField(
            await Api.PutAsync("/api/users/me/password", new { currentPassword = Api.Password, newPassword = "Password123" }, alice.AccessToken), "newPassword");
        await ShouldNameField(
            await Api.PutAsync("/api/users/me/password", new { currentPassword = Api.Password, newPassword = "my-alice-99" }, alice.AccessToken), "newPassword");

        await Api.LoginAsync("alice");
    }
}
