using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Instances;

/// <summary>
/// PostgreSQL stopped and started under traffic, on a server of this class's own: requests fail
/// fast with <c>unavailable</c>, service resumes by itself, and nothing acknowledged is lost
/// or delivered twice.
/// </summary>
[NonParallelizable]
public sealed class DatabaseRestartTests
{
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(5);

    private PostgresServer _server = null!;
    private Support.Cluster _cluster = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _server = await PostgresServer.StartLocalAsync();
        _cluster = await Support.Cluster.StartAsync(await _server.CreateDatabaseAsync());
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _cluster.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task A_database_restart_under_traffic_fails_fast_resumes_by_itself_and_loses_no_acknowledged_message()
    {
        using var a = new Api(_cluster.A.CreateApiClient());
        using var b = new Api(_cluster.B.CreateApiClient());
        var alice = await a.RegisterAndLoginAsync("alice");
        var bob = await b.RegisterAndLoginAsync("bob");
        await (await a.PostAsync("/api/rooms", new { name = "general" }, alice.AccessToken)).ShouldHaveStatus(201);
        await using var aliceHub = await HubClient.ConnectAsync(_cluster.A.ServerAddress, alice.AccessToken);
        await using var bobHub = await HubClient.ConnectAsync(_cluster.B.ServerAddress, bob.AccessToken);
        await aliceHub.InvokeAsync("JoinRoom", "general");
        await bobHub.InvokeAsync("JoinRoom", "general");

        var traffic = new Traffic();
        using var stop = new CancellationTokenSource();
        var senders = Task.WhenAll(
            traffic.RunAsync(i => aliceHub.InvokeAsync("SendMessage", "general", $"hub {i}"), stop.Token),
            traffic.RunAsync(async i => await SendByRestAsync(b, bob.AccessToken, $"rest {i}"), stop.Token));
        await traffic.WaitForSuccessesAsync(20);

        await _server.StopAsync();
        await traffic.WaitForFailuresAsync(4);
        var ready = await a.GetAsync("/health/ready");
        var refused = await a.PostAsync("/api/rooms/general/messages", new { content = "while down" }, alice.AccessToken);

        await _server.StartAgainAsync();
        var restarted = Stopwatch.StartNew();
        var successesAtRestart = traffic.Successes.Count;
        await traffic.WaitForSuccessesAsync(successesAtRestart + 20);
        var resumedAfter = restarted.Elapsed;
        await stop.CancelAsync();
        await senders;

        Assert.That((int)ready.StatusCode, Is.EqualTo(503), "not ready while the database is down");
        var problem = await refused.ShouldBeProblem(503, "unavailable");
        Assert.That(refused.Headers.RetryAfter, Is.Not.Null);
        Assert.That(problem.GetProperty("type").GetString(), Is.Not.Empty);
        Assert.That(traffic.Failures.Select(f => f.Code).Distinct(), Is.EqualTo(new[] { "unavailable" }), "every failure says unavailable");
        Assert.That(traffic.Failures.Max(f => f.Took), Is.LessThan(FailFast), "every failure comes fast");
        Assert.That(resumedAfter, Is.LessThan(FailFast), "service resumes by itself");
        Assert.That(aliceHub.Closed.IsCompleted || bobHub.Closed.IsCompleted, Is.False, "hub connections survive the outage");

        var stored = traffic.Successes.OrderBy(m => m.GetProperty("sequence").GetInt64()).Select(m => m.GetProperty("id").GetGuid()).ToList();
        foreach (var hub in new[] { aliceHub, bobHub })
        {
            // A send whose answer was lost in the outage may be stored without being acknowledged: it may arrive too.
            var received = (await hub.WaitForEventsAsync(
                    "ReceiveMessage",
                    events => stored.All(events.Select(m => m.GetProperty("id").GetGuid()).ToHashSet().Contains),
                    "every acknowledged message arrives",
                    TimeSpan.FromSeconds(15)))
                .Select(m => m.GetProperty("id").GetGuid())
                .ToList();
            Assert.That(received, Is.Unique, "nothing is delivered twice");
            Assert.That(received.Where(stored.Contains), Is.EqualTo(stored), "every acknowledged message, in stored order");
        }

        Assert.That(await StoredIdsAsync(a, alice.AccessToken), Is.SupersetOf(stored), "every acknowledged message is stored");
    }

    private static async Task<JsonElement> SendByRestAsync(Api api, string accessToken, string content)
    {
        var response = await api.PostAsync("/api/rooms/general/messages", new { content }, accessToken);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            return await response.ShouldHaveStatus(201);
        }

        var body = await response.ShouldHaveStatus((int)response.StatusCode);
        throw new RestRefusedException(body.GetProperty("error").GetString());
    }

    private static async Task<List<Guid>> StoredIdsAsync(Api api, string accessToken)
    {
        var ids = new List<Guid>();
        string? before = null;
        do
        {
            var page = await (await api.GetAsync($"/api/rooms/general/messages?limit=100{(before is null ? "" : "&before=" + before)}", accessToken)).ShouldHaveStatus(200);
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()));
            before = page.GetProperty("nextBefore").GetString();
        }
        while (before is not null);

        return ids;
    }

    /// <summary>Sends in a loop until told to stop, keeping what was acknowledged and how each failure looked.</summary>
    private sealed class Traffic
    {
        // Pacing, not waiting: a steady stream of sends rather than a flood, and a little less of it
        // while the database is away, so the outage is seen by a handful of sends, not thousands.
        private static readonly TimeSpan PaceBetweenSends = TimeSpan.FromMilliseconds(20);
        private static readonly TimeSpan PaceAfterFailure = TimeSpan.FromMilliseconds(200);
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

        private readonly ArrivalSignal _outcome = new();

        public ConcurrentQueue<JsonElement> Successes { get; } = new();
        public ConcurrentQueue<(string? Code, TimeSpan Took)> Failures { get; } = new();

        public async Task RunAsync(Func<int, Task<JsonElement>> send, CancellationToken stop)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    Successes.Enqueue(await send(i));
                    _outcome.Raise();
                    await Task.Delay(PaceBetweenSends, CancellationToken.None);
                }
                catch (Exception e) when (e is HubInvocationException or RestRefusedException)
                {
                    Failures.Enqueue((e is HubInvocationException hub ? hub.Code : ((RestRefusedException)e).Code, watch.Elapsed));
                    _outcome.Raise();
                    await Task.Delay(PaceAfterFailure, CancellationToken.None);
                }
            }
        }

        public Task WaitForSuccessesAsync(int count) =>
            _outcome.WaitUntilAsync(() => Successes.Count >= count, Timeout, $"{count} acknowledged messages");

        public Task WaitForFailuresAsync(int count) =>
            _outcome.WaitUntilAsync(() => Failures.Count >= count, Timeout, $"{count} failed sends");
    }

    private sealed class RestRefusedException(string? code) : Exception(code)
    {
        public string? Code { get; } = code;
    }
}
