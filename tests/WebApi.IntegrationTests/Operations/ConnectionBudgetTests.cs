using System.Net;
using ChatPlatform.WebApi.IntegrationTests.Support;
using Npgsql;

namespace ChatPlatform.WebApi.IntegrationTests.Operations;

/// <summary>Each instance keeps to its connection budget, so a burst on one leaves the database to the others too.</summary>
public sealed class ConnectionBudgetTests
{
    [Test]
    public async Task A_burst_on_one_instance_leaves_another_serving_on_a_small_database()
    {
        await using var server = await PostgresServer.StartLocalAsync(maxConnections: 50);
        var database = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync());
        database.Remove("Maximum Pool Size");
        await using var busy = new ApiFactory(new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = "busy" }.ConnectionString);
        await using var calm = new ApiFactory(new NpgsqlConnectionStringBuilder(database.ConnectionString) { ApplicationName = "calm" }.ConnectionString);
        using var busyApi = new Api(busy.CreateApiClient());
        using var calmApi = new Api(calm.CreateApiClient());
        var alice = await busyApi.RegisterAndLoginAsync("alice");
        var bob = await calmApi.RegisterAndLoginAsync("bob");

        var burst = Task.WhenAll(Enumerable.Range(0, 400).Select(_ => Task.Run(() => busyApi.GetAsync("/api/rooms?search=x", alice.AccessToken))));
        var peak = 0L;
        var calmAnswers = new List<HttpStatusCode>();
        while (!burst.IsCompleted)
        {
            peak = Math.Max(peak, await CountAsync(server, "busy"));
            calmAnswers.Add((await calmApi.GetAsync("/api/rooms", bob.AccessToken)).StatusCode);
        }

        var busyAnswers = (await burst).Select(r => (int)r.StatusCode).ToList();
        Assert.That(busyAnswers, Is.All.EqualTo(200).Or.EqualTo(503), "the busy instance answers or says unavailable, never 500");
        Assert.That(peak, Is.InRange(10, 21), "the burst fills the busy instance's pool of 20 (plus the bus listener), and no more");
        Assert.That(calmAnswers, Is.Not.Empty.And.All.EqualTo(HttpStatusCode.OK), "the other instance keeps serving");
        await calmApi.LoginAsync("bob");
    }

    private static async Task<long> CountAsync(PostgresServer server, string application)
    {
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = application });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
