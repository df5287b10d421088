using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Users;

/// <summary>An administrator's view of a user's sessions, signing a user out, and resetting their two-factor.</summary>
public sealed class AdminSessionsTests : ChatTest
{
    private const string ResetTwoFactorNotice = "Your two-factor authentication was reset";

    [Test]
    public async Task Admin_lists_a_users_live_sessions_none_of_them_current()
    {
        var admin = await Api.RegisterAdminAsync("root");
        await Api.RegisterAsync("alice");
        var first = await Api.LoginAsync("alice");
        var second = await Api.LoginAsync("alice");

        var sessions = await (await Api.GetAsync($"/api/users/{await Admins.UserIdAsync("alice")}/sessions", admin.AccessToken)).ShouldHaveStatus(200);

        Assert.That(sessions.EnumerateArray().Select(s => s.GetProperty("id").GetString()), Is.EqualTo(new[] { Sid(second), Sid(first) }));
        Assert.That(sessions.EnumerateArray().Any(s => s.GetProperty("current").GetBoolean()), Is.False);
    }

    [Test]
    public async Task The_admin_user_endpoints_answer_404_for_an_unknown_user()
    {
        var admin = await Api.RegisterAdminAsync("root");
        var unknown = Guid.NewGuid();

        await (await Api.GetAsync($"/api/users/{unknown}/sessions", admin.AccessToken)).ShouldBeProblem(404, "not_found");
        await (await Api.PostAsync($"/api/users/{unknown}/logout", null, admin.AccessToken)).ShouldBeProblem(404, "not_found");
        await (await Api.PostAsync($"/api/users/{unknown}/2fa/reset", null, admin.AccessToken)).ShouldBeProblem(404, "not_found");
    }

    [Test]
    public async Task Admin_logout_ends_every_session_and_hub_connection_and_the_account_stays_usable()
    {
        var admin = await Api.RegisterAdminAsync("root");
        await Api.RegisterAsync("alice");
        var phone = await Api.LoginAsync("alice");
        var laptop = await Api.LoginAsync("alice");
        var hub = await ConnectHubAsync(laptop.AccessToken);
        var adminHub = await ConnectHubAsync(admin.AccessToken);

        await (await Api.PostAsync($"/api/users/{await Admins.UserIdAsync("alice")}/logout", null, admin.AccessToken)).ShouldHaveStatus(204);

        await hub.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        foreach (var pair in new[] { phone, laptop })
        {
            await (await Api.GetAsync("/api/users/me", pair.AccessToken)).ShouldBeProblem(401, "token_revoked");
            await (await Api.PostAsync("/api/auth/refresh", new { refreshToken = pair.RefreshToken })).ShouldBeProblem(401, "token_revoked");
        }

        var again = await Api.LoginAsync("alice");
        await (await Api.GetAsync("/api/users/me", again.AccessToken)).ShouldHaveStatus(200);
        Assert.That((await ConnectHubAsync(again.AccessToken)).Closed.IsCompleted, Is.False, "a new login connects again");
        Assert.That(adminHub.Closed.IsCompleted, Is.False, "the admin's own connection stays open");
    }

    [Test]
    public async Task Two_factor_reset_turns_it_off_and_emails_a_notice_without_a_code()
    {
        var admin = await Api.RegisterAdminAsync("root");
        await EnableTwoFactorAsync("alice");

        await (await Api.PostAsync($"/api/users/{await Admins.UserIdAsync("alice")}/2fa/reset", null, admin.AccessToken)).ShouldHaveStatus(204);

        var notice = await Mailbox.TakeAsync("alice@example.com", ResetTwoFactorNotice);
        Assert.That(notice, Does.Not.Match(@"(?m)^Code:"));
        var login = await (await Api.PostAsync("/api/auth/login", new { username = "alice", password = Api.Password })).ShouldHaveStatus(200);
        Assert.That(login.TryGetProperty("accessToken", out _), Is.True, "a login needs the password alone again");
        var me = await (await Api.GetAsync("/api/users/me", login.GetProperty("accessToken").GetString())).ShouldHaveStatus(200);
        Assert.That(me.GetProperty("twoFactorEnabled").GetBoolean(), Is.False);
    }

    [Test]
    public async Task A_user_manager_who_is_not_an_admin_cannot_sign_out_or_reset_the_two_factor_of_an_admin()
    {
        var root = await Api.RegisterAdminAsync("root");
        await (await Api.PostAsync("/api/users/me/2fa/enable", new { password = Api.Password }, root.AccessToken)).ShouldHaveStatus(202);
        var code = await Mailbox.TakeCodeAsync("root@example.com");
        await (await Api.PostAsync("/api/users/me/2fa/confirm", new { code }, root.AccessToken)).ShouldHaveStatus(204);
        var support = await SupportUserAsync(root, "bob");
        var rootId = await Admins.UserIdAsync("root");

        await (await Api.PostAsync($"/api/users/{rootId}/logout", null, support.AccessToken)).ShouldBeProblem(403, "forbidden");
        await (await Api.PostAsync($"/api/users/{rootId}/2fa/reset", null, support.AccessToken)).ShouldBeProblem(403, "forbidden");

        var me = await (await Api.GetAsync("/api/users/me", root.AccessToken)).ShouldHaveStatus(200);
        Assert.That(me.GetProperty("twoFactorEnabled").GetBoolean(), Is.True);
        Assert.That(await Mailbox.QueuedAsync(ResetTwoFactorNotice), Is.EqualTo(0), "no notice went out");
        Assert.That(
            await Database.ScalarAsync<long>("""SELECT count(*) FROM audit_events WHERE "Type" IN ('user_logged_out', 'two_factor_reset')"""),
            Is.EqualTo(0));
    }

    [Test]
    public async Task A_user_manager_who_is_not_an_admin_can_sign_out_and_reset_an_ordinary_user()
    {
        var root = await Api.RegisterAdminAsync("root");
        var support = await SupportUserAsync(root, "bob");
        var alice = await EnableTwoFactorAsync("alice");
        var aliceId = await Admins.UserIdAsync("alice");

        await (await Api.PostAsync($"/api/users/{aliceId}/logout", null, support.AccessToken)).ShouldHaveStatus(204);
        await (await Api.PostAsync($"/api/users/{aliceId}/2fa/reset", null, support.AccessToken)).ShouldHaveStatus(204);

        await (await Api.GetAsync("/api/users/me", alice.AccessToken)).ShouldBeProblem(401, "token_revoked");
        await Api.LoginAsync("alice");
    }

    private static string Sid(TokenPair pair) => JwtClaims.Payload(pair.AccessToken).GetProperty("sid").GetString()!;

    /// <summary>A user holding <c>users.read</c> and <c>users.manage</c> through a custom role, but not <c>admin</c>.</summary>
    private async Task<TokenPair> SupportUserAsync(TokenPair root, string username)
    {
        await (await Api.PostAsync("/api/roles", new { name = "support", permissions = new[] { "users.read", "users.manage" } }, root.AccessToken)).ShouldHaveStatus(201);
        await Api.RegisterAsync(username);
        await (await Api.PutAsync($"/api/users/{await Admins.UserIdAsync(username)}/roles", new { roles = new[] { "user", "support" } }, root.AccessToken)).ShouldHaveStatus(200);
        return await Api.LoginAsync(username);
    }

    private async Task<TokenPair> EnableTwoFactorAsync(string username)
    {
        var pair = await Api.RegisterAndLoginAsync(username);
        await (await Api.PostAsync("/api/users/me/2fa/enable", new { password = Api.Password }, pair.AccessToken)).ShouldHaveStatus(202);
        var code = await Mailbox.TakeCodeAsync($"{username}@example.com");
        await (await Api.PostAsync("/api/users/me/2fa/confirm", new { code }, pair.AccessToken)).ShouldHaveStatus(204);
        return pair;
    }
}
