using ChatPlatform.Infrastructure.Tokens;
using ChatPlatform.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChatPlatform.WebApi.IntegrationTests.Auth;

public sealed class RevocationStorageTests : ApiTest
{
    [Test]
    public async Task Authenticated_requests_are_checked_without_a_database_round_trip()
    {
        var pair = await Api.RegisterAndLoginAsync("alice");

        // Registration's confirmation email is delivered in the background, with its own queries.
        await Mailbox.TakeCodeAsync("alice@example.com", subject: Mailbox.ConfirmSubject);
        await (await Api.PostAsync("/api/auth/logout-all", null, (await Api.LoginAsync("alice")).AccessToken)).ShouldHaveStatus(204);
        var live = await Api.LoginAsync("alice");
        Factory.Logs.Clear();

        await (await Api.GetAsync("/api/auth/protected", live.AccessToken)).ShouldHaveStatus(200);
        await (await Api.GetAsync("/api/auth/protected", pair.AccessToken)).ShouldBeProblem(401, "token_revoked");
        await (await Api.GetAsync("/api/auth/has-permission/rooms.create", live.AccessToken)).ShouldHaveStatus(200);

        Assert.That(Factory.Logs.Lines.Where(l => l.Contains("Executed DbCommand", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task The_database_round_trip_check_above_would_see_a_query()
    {
        // Guards the test above: a request that does query is visible in the captured log.
        await Api.RegisterAsync("alice");
        Factory.Logs.Clear();

        await Api.LoginAsync("alice");

        Assert.That(Factory.Logs.Lines.Where(l => l.Contains("Executed DbCommand", StringComparison.Ordinal)), Is.Not.Empty);
    }

    [Test]
    public async Task Revocation_rows_are_purged_once_every_token_they_cover_has_expired()
    {
        var pair = await Api.RegisterAndLoginAsync("alice");
        await (await Api.PostAsync("/api/auth/logout", new { refreshToken = pair.RefreshToken }, pair.AccessToken)).ShouldHaveStatus(204);
        var kept = await Api.LoginAsync("alice");
        var maintenance = Factory.Services.GetRequiredService<RevocationMaintenance>();

        await maintenance.PurgeAsync(CancellationToken.None);
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM revoked_access_tokens"), Is.EqualTo(1), "still live");
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM sessions"), Is.EqualTo(2));

        Clock.Advance(TimeSpan.FromMinutes(16));
        await maintenance.PurgeAsync(CancellationToken.None);

        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM revoked_access_tokens"), Is.Zero);
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM sessions"), Is.EqualTo(1), "the revoked session is gone, the live one stays");
        await Api.RefreshAsync(kept.RefreshToken);
    }
}
