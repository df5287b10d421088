using System.Diagnostics;
using System.Net;
using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Instances;

/// <summary>What one instance revokes or re-authorises, the other enforces within the contract's deadlines.</summary>
public sealed class RevocationAcrossInstancesTests : ClusterTest
{
    private const string NewPassword = "An0ther-Passw0rd!";

    [TestCase("logout")]
    [TestCase("logout-all")]
    [TestCase("lock")]
    [TestCase("role change")]
    [TestCase("password change")]
    [TestCase("session delete")]
    [TestCase("admin logout")]
    [TestCase("password reset")]
    public async Task A_revocation_made_on_one_instance_is_refused_and_closes_hubs_on_the_other(string action)
    {
        var admin = await RegisterAdminAsync("root");
        await A.RegisterAsync("alice");
        var victim = await B.LoginAsync("alice");
        var other = await A.LoginAsync("alice");
        var hub = await ConnectAsync(Cluster.B, victim.AccessToken);
        await (await B.GetAsync("/api/users/me", victim.AccessToken)).ShouldHaveStatus(200);
        var aliceId = await Cluster.UserIdAsync("alice");

        var response = action switch
        {
            "logout" => await A.PostAsync("/api/auth/logout", new { refreshToken = victim.RefreshToken }, victim.AccessToken),
            "logout-all" => await A.PostAsync("/api/auth/logout-all", null, other.AccessToken),
            "lock" => await A.PostAsync($"/api/users/{aliceId}/lock", null, admin.AccessToken),
            "role change" => await A.PutAsync($"/api/users/{aliceId}/roles", new { roles = new[] { "user", "admin" } }, admin.AccessToken),
            "session delete" => await A.DeleteAsync(
                $"/api/users/me/sessions/{JwtClaims.Payload(victim.AccessToken).GetProperty("sid").GetString()}", other.AccessToken),
            "admin logout" => await A.PostAsync($"/api/users/{aliceId}/logout", null, admin.AccessToken),
            "password reset" => await ResetOnAAsync("alice@example.com"),
            _ => await A.PutAsync("/api/users/me/password", new { currentPassword = Api.Password, newPassword = NewPassword }, other.AccessToken),
        };
        Assert.That((int)response.StatusCode, Is.InRange(200, 204), await response.Content.ReadAsStringAsync());
        var watch = Stopwatch.StartNew();

        await Eventually.HoldsAsync(
            async () => (await B.GetAsync("/api/users/me", victim.AccessToken)).StatusCode == HttpStatusCode.Unauthorized,
            TimeSpan.FromSeconds(2),
            "the other instance refuses the token");
        await (await B.GetAsync("/api/users/me", victim.AccessToken)).ShouldBeProblem(401, "token_revoked");
        await hub.Closed.WaitAsync(TimeSpan.FromSeconds(5) - watch.Elapsed);
    }

    private async Task<HttpResponseMessage> ResetOnAAsync(string email)
    {
        await (await A.PostAsync("/api/auth/password/forgot", new { email })).ShouldHaveStatus(202);
        var code = await Mailbox.TakeCodeFromAnyAsync(email, Mailbox.ResetSubject, Cluster.A, Cluster.B);
        return await A.PostAsync("/api/auth/password/reset", new { email, code, newPassword = NewPassword });
    }

    [Test]
    public async Task A_permission_granted_on_one_instance_authorises_on_the_other_within_two_seconds()
    {
        var admin = await RegisterAdminAsync("root");
        await A.RegisterAsync("alice");
        var alice = await B.LoginAsync("alice");
        var check = "/api/auth/has-permission/messages.moderate";
        Assert.That((await (await B.GetAsync(check, alice.AccessToken)).ShouldHaveStatus(200)).GetProperty("hasPermission").GetBoolean(), Is.False);

        await (await A.PutAsync(
                "/api/roles/user",
                new { description = "Every registered user.", permissions = new[] { "rooms.create", "messages.moderate" } },
                admin.AccessToken))
            .ShouldHaveStatus(200);

        await Eventually.HoldsAsync(
            async () => (await (await B.GetAsync(check, alice.AccessToken)).ShouldHaveStatus(200)).GetProperty("hasPermission").GetBoolean(),
            TimeSpan.FromSeconds(2),
            "the other instance grants the new permission");
    }
}
