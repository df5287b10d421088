using System.Net;
using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Operations;

/// <summary>An instance started before its database waits for it: live at once, ready when the database answers.</summary>
public sealed class StartWithoutDatabaseTests
{
    [Test]
    public async Task The_API_starts_live_but_unready_without_its_database_and_becomes_ready_when_it_answers()
    {
        await using var server = await PostgresServer.StartLocalAsync();
        var connectionString = await server.CreateDatabaseAsync();
        await server.StopAsync();

        await using var factory = new ApiFactory(connectionString);
        using var api = new Api(factory.CreateApiClient());

        Assert.That((int)(await api.GetAsync("/health/live")).StatusCode, Is.EqualTo(200));
        Assert.That((int)(await api.GetAsync("/health/ready")).StatusCode, Is.EqualTo(503));
        var refused = await api.PostAsync("/api/auth/login", new { username = "alice", password = Api.Password });
        await refused.ShouldBeProblem(503, "unavailable");
        Assert.That(refused.Headers.RetryAfter, Is.Not.Null);
        Assert.That(factory.Logs.Lines, Has.Some.Contains("The database cannot be reached yet (attempt 1"));

        await server.StartAgainAsync();
        await Eventually.HoldsAsync(
            async () => (await api.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(15),
            "ready soon after the database answers");

        await api.RegisterAndLoginAsync("alice");
        Assert.That(factory.Logs.Lines, Has.Some.Contains("Database reached on attempt"));
    }
}
