using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Chat;

/// <summary>Admin changes that revoke a user's tokens reach the user's live hub connections too.</summary>
public sealed class AdminChangesCloseHubTests : ChatTest
{
    [Test]
    public async Task Locking_a_user_closes_their_hub_connections_within_five_seconds()
    {
        var admin = await Api.RegisterAdminAsync("root");
        var alice = await Api.RegisterAndLoginAsync("alice");
        var aliceHub = await ConnectHubAsync(alice.AccessToken);
        var adminHub = await ConnectHubAsync(admin.AccessToken);

        await (await Api.PostAsync($"/api/users/{await Admins.UserIdAsync("alice")}/lock", null, admin.AccessToken)).ShouldHaveStatus(204);

        await aliceHub.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(adminHub.Closed.IsCompleted, Is.False, "the admin's own connection stays open");
    }

    [Test]
    public async Task Changing_a_users_roles_closes_their_hub_connections_within_five_seconds()
    {
        var admin = await Api.RegisterAdminAsync("root");
        var alice = await Api.RegisterAndLoginAsync("alice");
        var aliceHub = await ConnectHubAsync(alice.AccessToken);

        var response = await Api.PutAsync(
            $"/api/users/{await Admins.UserIdAsync("alice")}/roles", new { roles = new[] { "user", "admin" } }, admin.AccessToken);

        await response.ShouldHaveStatus(200);
        await aliceHub.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        var again = await Api.LoginAsync("alice");
        var reconnected = await ConnectHubAsync(again.AccessToken);
        Assert.That(reconnected.Closed.IsCompleted, Is.False, "a new login connects again");
    }
}
