using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Security;

/// <summary>Limits per user: each one reached gives 429 rate_limited with Retry-After, or the hub's rate_limited.</summary>
public sealed class UserLimitTests
{
    private ApiFactory _factory = null!;
    private Api _api = null!;
    private readonly List<HubClient> _hubs = [];

    [OneTimeSetUp]
    public async Task StartAsync() => _factory = await TestRun.CreateApiAsync(new Dictionary<string, string?>
    {
        ["RateLimiting:Messages:PermitLimit"] = "3",
        ["RateLimiting:Messages:Window"] = "01:00:00",
        ["RateLimiting:Rooms:PermitLimit"] = "2",
        ["RateLimiting:Rooms:Window"] = "01:00:00",
        ["RateLimiting:Email:PermitLimit"] = "2",
        ["RateLimiting:Email:Window"] = "01:00:00",
        ["Chat:MaxConnectionsPerUser"] = "2",
    });

    [OneTimeTearDown]
    public async Task StopAsync() => await _factory.DisposeAsync();

    [SetUp]
    public async Task ResetAsync()
    {
        await _factory.ResetAsync();
        _api = new Api(_factory.CreateApiClient());
    }

    [TearDown]
    public async Task DisconnectAsync()
    {
        foreach (var hub in _hubs)
        {
            await hub.DisposeAsync();
        }

        _hubs.Clear();
        _api.Dispose();
    }

    private async Task<HubClient> ConnectAsync(string accessToken)
    {
        var hub = await HubClient.ConnectAsync(_factory.ServerAddress, accessToken);
        _hubs.Add(hub);
        return hub;
    }

    private static void ShouldRetryAfter(HttpResponseMessage response, int atMostSeconds) =>
        Assert.That(int.Parse(response.Headers.GetValues("Retry-After").Single()), Is.InRange(1, atMostSeconds));

    [Test]
    public async Task Messages_by_rest_and_by_the_hub_share_one_count_per_user()
    {
        var alice = await _api.RegisterAndLoginAsync("alice");
        var bob = await _api.RegisterAndLoginAsync("bob");
        await (await _api.PostAsync("/api/rooms", new { name = "general" }, alice.AccessToken)).ShouldHaveStatus(201);
        var hub = await ConnectAsync(alice.AccessToken);

        await (await _api.PostAsync("/api/rooms/general/messages", new { content = "one" }, alice.AccessToken)).ShouldHaveStatus(201);
        await hub.InvokeAsync("SendMessage", "general", "two");
        await (await _api.PostAsync("/api/rooms/general/messages", new { content = "three" }, alice.AccessToken)).ShouldHaveStatus(201);

        var limited = await _api.PostAsync("/api/rooms/general/messages", new { content = "four" }, alice.AccessToken);
        await limited.ShouldBeProblem(429, "rate_limited");
        ShouldRetryAfter(limited, 3600);
        var fromHub = Assert.ThrowsAsync<HubInvocationException>(() => hub.InvokeAsync("SendMessage", "general", "five"));
        Assert.That(fromHub!.Code, Is.EqualTo("rate_limited"));
        Assert.That(await CountAsync("SELECT count(*) FROM messages"), Is.EqualTo(3));

        // The limit is the user's, not everyone's.
        await (await _api.PostAsync("/api/rooms/general/messages", new { content = "hi" }, bob.AccessToken)).ShouldHaveStatus(201);
    }

    [Test]
    public async Task Rooms_created_are_limited_per_user()
    {
        var alice = await _api.RegisterAndLoginAsync("alice");
        await (await _api.PostAsync("/api/rooms", new { name = "one" }, alice.AccessToken)).ShouldHaveStatus(201);
        await (await _api.PostAsync("/api/rooms", new { name = "two" }, alice.AccessToken)).ShouldHaveStatus(201);

        var limited = await _api.PostAsync("/api/rooms", new { name = "three" }, alice.AccessToken);

        await limited.ShouldBeProblem(429, "rate_limited");
        ShouldRetryAfter(limited, 3600);
        Assert.That(await CountAsync("SELECT count(*) FROM rooms"), Is.EqualTo(2));
    }

    [Test]
    public async Task Emails_asked_for_are_limited_per_user()
    {
        var alice = await _api.RegisterAndLoginAsync("alice");
        for (var i = 0; i < 2; i++)
        {
            await (await _api.PostAsync("/api/users/me/2fa/enable", new { password = Api.Password }, alice.AccessToken)).ShouldHaveStatus(202);
        }

        var limited = await _api.PostAsync("/api/users/me/2fa/enable", new { password = Api.Password }, alice.AccessToken);

        await limited.ShouldBeProblem(429, "rate_limited");
        ShouldRetryAfter(limited, 3600);
        Assert.That(await CountAsync("""SELECT count(*) FROM email_outbox WHERE "Subject" = 'Your two-factor code'"""), Is.EqualTo(2));
    }

    [Test]
    public async Task Password_reset_emails_are_limited_per_address_whatever_the_spelling_of_its_case()
    {
        // Limiters live as long as the application: an address no other test of this class uses.
        await _api.RegisterAsync("forgetful");
        for (var i = 0; i < 2; i++)
        {
            await (await _api.PostAsync("/api/auth/password/forgot", new { email = "forgetful@example.com" })).ShouldHaveStatus(202);
        }

        var limited = await _api.PostAsync("/api/auth/password/forgot", new { email = "FORGETFUL@example.com" });

        await limited.ShouldBeProblem(429, "rate_limited");
        ShouldRetryAfter(limited, 3600);
        await (await _api.PostAsync("/api/auth/password/forgot", new { email = "someone-else@example.com" })).ShouldHaveStatus(202);
        Assert.That(await CountAsync("""SELECT count(*) FROM email_outbox WHERE "Subject" = 'Reset your password'"""), Is.EqualTo(2));
    }

    [Test]
    public async Task Confirmation_emails_asked_for_again_are_limited_per_user()
    {
        var alice = await _api.RegisterAndLoginAsync("alice");
        for (var i = 0; i < 2; i++)
        {
            await (await _api.PostAsync("/api/users/me/email/resend", null, alice.AccessToken)).ShouldHaveStatus(202);
        }

        var limited = await _api.PostAsync("/api/users/me/email/resend", null, alice.AccessToken);

        await limited.ShouldBeProblem(429, "rate_limited");
        ShouldRetryAfter(limited, 3600);
    }

    [Test]
    public async Task Hub_connections_over_the_limit_are_refused_on_negotiate_and_closed_when_negotiate_is_skipped()
    {
        var alice = await _api.RegisterAndLoginAsync("alice");
        var bob = await _api.RegisterAndLoginAsync("bob");
        await ConnectAsync(alice.AccessToken);
        await ConnectAsync(alice.AccessToken);

        var negotiate = await _api.PostAsync("/hubs/chat/negotiate?negotiateVersion=1", null, alice.AccessToken);
        await negotiate.ShouldBeProblem(429, "rate_limited");
        ShouldRetryAfter(negotiate, 60);

        var third = await ConnectAsync(alice.AccessToken);
        await third.Closed.WaitAsync(HubClient.DefaultTimeout);
        await (await _api.PostAsync("/hubs/chat/negotiate?negotiateVersion=1", null, bob.AccessToken)).ShouldHaveStatus(200);
    }

    [Test]
    public async Task Typing_is_relayed_at_most_once_per_two_seconds_per_user_and_room_whatever_its_case()
    {
        var alice = await _api.RegisterAndLoginAsync("alice");
        var bob = await _api.RegisterAndLoginAsync("bob");
        await (await _api.PostAsync("/api/rooms", new { name = "general" }, alice.AccessToken)).ShouldHaveStatus(201);
        var aliceHub = await ConnectAsync(alice.AccessToken);
        var bobHub = await ConnectAsync(bob.AccessToken);
        await aliceHub.InvokeAsync("JoinRoom", "general");
        await bobHub.InvokeAsync("JoinRoom", "general");

        foreach (var room in new[] { "general", "GENERAL", "General", "general", "gEnErAl" })
        {
            await aliceHub.InvokeAsync("Typing", room);
        }

        _factory.Clock.Advance(TimeSpan.FromSeconds(2));
        await aliceHub.InvokeAsync("Typing", "general");
        await (await _api.PostAsync("/api/rooms/general/messages", new { content = "done" }, bob.AccessToken)).ShouldHaveStatus(201);

        // Events on one connection arrive in order: once the message is in, every relayed Typing is too.
        await bobHub.WaitForEventAsync("ReceiveMessage");
        Assert.That(bobHub.EventsNamed("UserTyping"), Has.Count.EqualTo(2));
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(_factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
