using System.Text.Json;
using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Instances;

/// <summary>Chat events reach every member on every instance, exactly once and in stored order.</summary>
public sealed class DeliveryAcrossInstancesTests : ClusterTest
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Test]
    public async Task Messages_sent_by_REST_and_hub_on_both_instances_reach_every_member_once_in_stored_order()
    {
        var (alice, bob, aliceHub, bobHub) = await AliceOnAAndBobOnBInGeneralAsync();
        await aliceHub.InvokeAsync("JoinRoom", "general");
        await bobHub.InvokeAsync("JoinRoom", "general");

        var sends = Enumerable.Range(0, 10).SelectMany(i => new Func<Task<JsonElement>>[]
        {
            () => aliceHub.InvokeAsync("SendMessage", "general", $"alice hub {i}"),
            () => bobHub.InvokeAsync("SendMessage", "general", $"bob hub {i}"),
            async () => await (await A.PostAsync("/api/rooms/general/messages", new { content = $"alice rest {i}" }, alice.AccessToken)).ShouldHaveStatus(201),
            async () => await (await B.PostAsync("/api/rooms/general/messages", new { content = $"bob rest {i}" }, bob.AccessToken)).ShouldHaveStatus(201),
        });
        var acknowledged = await Task.WhenAll(sends.Select(send => Task.Run(send)));
        var stored = acknowledged.OrderBy(m => m.GetProperty("sequence").GetInt64()).Select(m => m.GetProperty("id").GetGuid()).ToList();

        foreach (var hub in new[] { aliceHub, bobHub })
        {
            var received = (await hub.WaitForEventsAsync("ReceiveMessage", stored.Count, Deadline)).Select(m => m.GetProperty("id").GetGuid()).ToList();
            Assert.That(received, Is.EqualTo(stored), "each acknowledged message once, in stored order");
        }
    }

    [Test]
    public async Task Presence_and_typing_span_the_instances()
    {
        var (alice, bob, aliceHub, bobHub) = await AliceOnAAndBobOnBInGeneralAsync();

        await aliceHub.InvokeAsync("JoinRoom", "general");
        var joined = await bobHub.InvokeAsync("JoinRoom", "general");

        Assert.That(joined.GetProperty("online").Strings(), Is.EqualTo(new[] { "alice", "bob" }));
        Assert.That((await aliceHub.WaitForEventAsync("UserJoined")).GetProperty("username").GetString(), Is.EqualTo("bob"));

        await bobHub.InvokeAsync("Typing", "general");
        Assert.That((await aliceHub.WaitForEventAsync("UserTyping")).GetProperty("username").GetString(), Is.EqualTo("bob"));

        await bobHub.DisposeAsync();
        Assert.That((await aliceHub.WaitForEventAsync("UserLeft")).GetProperty("username").GetString(), Is.EqualTo("bob"));
        Assert.That(bobHub.EventsNamed("UserTyping"), Is.Empty, "the typist is not told of their own typing");
    }

    [Test]
    public async Task Room_created_message_deleted_and_room_deleted_reach_the_other_instance()
    {
        var alice = await A.RegisterAndLoginAsync("alice");
        var bob = await B.RegisterAndLoginAsync("bob");
        var bobHub = await ConnectAsync(Cluster.B, bob.AccessToken);

        await CreateRoomAsync(A, alice.AccessToken, "news");
        Assert.That((await bobHub.WaitForEventAsync("RoomCreated")).GetProperty("name").GetString(), Is.EqualTo("news"));

        await bobHub.InvokeAsync("JoinRoom", "news");
        var message = await (await A.PostAsync("/api/rooms/news/messages", new { content = "soon gone" }, alice.AccessToken)).ShouldHaveStatus(201);
        var id = message.GetProperty("id").GetGuid();
        await (await A.DeleteAsync($"/api/rooms/news/messages/{id}", alice.AccessToken)).ShouldHaveStatus(204);
        Assert.That((await bobHub.WaitForEventAsync("MessageDeleted")).GetProperty("id").GetGuid(), Is.EqualTo(id));

        await (await A.DeleteAsync("/api/rooms/news", alice.AccessToken)).ShouldHaveStatus(204);
        Assert.That((await bobHub.WaitForEventAsync("RoomDeleted")).GetProperty("room").GetString(), Is.EqualTo("news"));
    }

    [Test]
    public async Task Users_of_an_instance_that_stopped_answering_leave_their_rooms()
    {
        // An instance that beats once and then never again looks, to the others, like one that died.
        await using var silent = new ApiFactory(Cluster.ConnectionString, new Dictionary<string, string?>(Cluster.FastPresence)
        {
            ["Chat:Presence:Heartbeat"] = "01:00:00",
            ["Chat:Presence:Timeout"] = "02:00:00",
        });
        var alice = await A.RegisterAndLoginAsync("alice");
        var carol = await A.RegisterAndLoginAsync("carol");
        await CreateRoomAsync(A, alice.AccessToken, "general");
        var aliceHub = await ConnectAsync(Cluster.A, alice.AccessToken);
        var carolHub = await ConnectAsync(silent, carol.AccessToken);
        await aliceHub.InvokeAsync("JoinRoom", "general");
        await carolHub.InvokeAsync("JoinRoom", "general");
        Assert.That((await aliceHub.WaitForEventAsync("UserJoined")).GetProperty("username").GetString(), Is.EqualTo("carol"));

        var left = await aliceHub.WaitForEventAsync("UserLeft", TimeSpan.FromSeconds(15));

        Assert.That(left.GetProperty("username").GetString(), Is.EqualTo("carol"));
        var bob = await B.RegisterAndLoginAsync("bob");
        var bobHub = await ConnectAsync(Cluster.B, bob.AccessToken);
        var joined = await bobHub.InvokeAsync("JoinRoom", "general");
        Assert.That(joined.GetProperty("online").Strings(), Is.EqualTo(new[] { "alice", "bob" }));
    }

    [Test]
    public async Task A_listener_whose_connection_was_killed_reconnects_and_delivers_what_it_missed()
    {
        var alice = await A.RegisterAndLoginAsync("alice");
        var bob = await B.RegisterAndLoginAsync("bob");
        await CreateRoomAsync(A, alice.AccessToken, "general");
        var bobHub = await ConnectAsync(Cluster.B, bob.AccessToken);
        await bobHub.InvokeAsync("JoinRoom", "general");
        Cluster.B.Logs.Clear();

        var killed = await Cluster.ScalarAsync<long>(
            """
            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
            WHERE datname = current_database() AND query LIKE 'LISTEN %'
            """);
        var acknowledged = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
            await (await A.PostAsync("/api/rooms/general/messages", new { content = $"during the gap {i}" }, alice.AccessToken)).ShouldHaveStatus(201))));

        Assert.That(killed, Is.EqualTo(2), "both instances' listeners were connected");
        var stored = acknowledged.OrderBy(m => m.GetProperty("sequence").GetInt64()).Select(m => m.GetProperty("id").GetGuid()).ToList();
        var received = await bobHub.WaitForEventsAsync("ReceiveMessage", stored.Count, Deadline);
        Assert.That(received.Select(m => m.GetProperty("id").GetGuid()), Is.EqualTo(stored));
        Assert.That(Cluster.B.Logs.Lines, Has.Some.Contains("Bus connection restored"));
    }

    /// <summary>Alice connected to instance A, Bob to instance B, and a room "general" neither has joined yet.</summary>
    private async Task<(TokenPair Alice, TokenPair Bob, HubClient AliceHub, HubClient BobHub)> AliceOnAAndBobOnBInGeneralAsync()
    {
        var alice = await A.RegisterAndLoginAsync("alice");
        var bob = await B.RegisterAndLoginAsync("bob");
        await CreateRoomAsync(A, alice.AccessToken, "general");
        return (alice, bob, await ConnectAsync(Cluster.A, alice.AccessToken), await ConnectAsync(Cluster.B, bob.AccessToken));
    }
}
