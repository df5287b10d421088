using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Chat;

public sealed class ChatHubTests : ChatTest
{
    [Test]
    public async Task Negotiate_without_a_token_is_refused_with_401()
    {
        var response = await Api.PostAsync("/hubs/chat/negotiate?negotiateVersion=1", null);

        await response.ShouldBeProblem(401, "token_missing");
    }

    [Test]
    public async Task A_websocket_with_a_revoked_token_is_refused()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        await (await Api.PostAsync("/api/auth/logout-all", null, alice.AccessToken)).ShouldHaveStatus(204);

        var refused = Assert.ThrowsAsync<WebSocketException>(() => ConnectHubAsync(alice.AccessToken));

        Assert.That(refused!.Message, Does.Contain("401"));
        await (await Api.PostAsync("/hubs/chat/negotiate?negotiateVersion=1", null, alice.AccessToken)).ShouldBeProblem(401, "token_revoked");
    }

    [Test]
    public async Task A_websocket_with_a_forged_token_is_refused()
    {
        var refused = Assert.ThrowsAsync<WebSocketException>(() => ConnectHubAsync("not.a.token"));

        Assert.That(refused!.Message, Does.Contain("401"));
    }

    [Test]
    public async Task Members_receive_a_hub_message_exactly_once_and_it_is_stored_first()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        var bob = await Api.RegisterAndLoginAsync("bob");
        await CreateRoomAsync(alice.AccessToken, "General");
        var aliceHub = await ConnectHubAsync(alice.AccessToken);
        var bobHub = await ConnectHubAsync(bob.AccessToken);
        await aliceHub.InvokeAsync("JoinRoom", "general");
        await bobHub.InvokeAsync("JoinRoom", "GENERAL");

        var sent = await aliceHub.InvokeAsync("SendMessage", "general", " hi bob ");

        var atBob = await bobHub.WaitForEventAsync("ReceiveMessage");
        var atAlice = await aliceHub.WaitForEventAsync("ReceiveMessage");
        Assert.That(sent.GetProperty("username").GetString(), Is.EqualTo("alice"));
        Assert.That(sent.GetProperty("room").GetString(), Is.EqualTo("General"));
        Assert.That(sent.GetProperty("content").GetString(), Is.EqualTo("hi bob"));
        Assert.That(atBob.GetProperty("id").GetString(), Is.EqualTo(sent.GetProperty("id").GetString()));
        Assert.That(atAlice.GetProperty("id").GetString(), Is.EqualTo(sent.GetProperty("id").GetString()));
        Assert.That(
            await Database.ScalarAsync<long>("SELECT count(*) FROM messages WHERE \"Id\" = @id", ("id", Guid.Parse(sent.GetProperty("id").GetString()!))),
            Is.EqualTo(1));

        // A connection gets its events in stored order: a second copy would come before the next message.
        await aliceHub.InvokeAsync("SendMessage", "general", "next");
        Assert.That((await bobHub.WaitForEventAsync("ReceiveMessage")).GetProperty("content").GetString(), Is.EqualTo("next"));
        Assert.That((await aliceHub.WaitForEventAsync("ReceiveMessage")).GetProperty("content").GetString(), Is.EqualTo("next"));
    }

    [Test]
    public async Task Joining_twice_still_delivers_each_message_once()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        await CreateRoomAsync(alice.AccessToken, "general");
        var hub = await ConnectHubAsync(alice.AccessToken);
        await hub.InvokeAsync("JoinRoom", "general");
        await hub.InvokeAsync("JoinRoom", "general");

        await PostMessageAsync(alice.AccessToken, "general", "once");

        await hub.WaitForEventAsync("ReceiveMessage");
        await PostMessageAsync(alice.AccessToken, "general", "next");
        Assert.That((await hub.WaitForEventAsync("ReceiveMessage")).GetProperty("content").GetString(), Is.EqualTo("next"), "no second copy came before it");
    }

    [Test]
    public async Task Event_payloads_are_camel_case_with_utc_times()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        await CreateRoomAsync(alice.AccessToken, "general");
        var hub = await ConnectHubAsync(alice.AccessToken);
        await hub.InvokeAsync("JoinRoom", "general");

        await PostMessageAsync(alice.AccessToken, "general", "hello");

        var message = await hub.WaitForEventAsync("ReceiveMessage");
        Assert.That(message.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "id", "room", "sequence", "username", "content", "sentAt" }));
        Assert.That(message.GetProperty("sentAt").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$"));
    }

    [Test]
    public async Task A_connection_that_did_not_join_the_room_receives_nothing()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        var bob = await Api.RegisterAndLoginAsync("bob");
        await CreateRoomAsync(alice.AccessToken, "general");
        await CreateRoomAsync(alice.AccessToken, "other");
        var aliceHub = await ConnectHubAsync(alice.AccessToken);
        var bobHub = await ConnectHubAsync(bob.AccessToken);
        await aliceHub.InvokeAsync("JoinRoom", "general");
        await bobHub.InvokeAsync("JoinRoom", "other");

        await aliceHub.InvokeAsync("SendMessage", "general", "private-ish");
        await aliceHub.InvokeAsync("Typing", "general");

        await aliceHub.WaitForEventAsync("ReceiveMessage");
        await PostMessageAsync(alice.AccessToken, "other", "in bob's room");
        await bobHub.WaitForEventAsync("ReceiveMessage");
        Assert.That(bobHub.Events.Select(e => e.Target), Is.EqualTo(new[] { "ReceiveMessage" }), "nothing of general came before bob's own room's message");
        Assert.That(bobHub.EventsNamed("ReceiveMessage")[0].GetProperty("content").GetString(), Is.EqualTo("in bob's room"));
    }

    [Test]
    public async Task After_leaving_a_room_its_messages_no_longer_arrive()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        var bob = await Api.RegisterAndLoginAsync("bob");
        await CreateRoomAsync(alice.AccessToken, "general");
        var aliceHub = await ConnectHubAsync(alice.AccessToken);
        var bobHub = await ConnectHubAsync(bob.AccessToken);
        await aliceHub.InvokeAsync("JoinRoom", "general");
        await bobHub.InvokeAsync("JoinRoom", "general");

        await bobHub.InvokeAsync("LeaveRoom", "general");
        var left = await aliceHub.WaitForEventAsync("UserLeft");
        await PostMessageAsync(alice.AccessToken, "general", "gone?");

        await aliceHub.WaitForEventAsync("ReceiveMessage");
        await CreateRoomAsync(alice.AccessToken, "other");
        await bobHub.InvokeAsync("JoinRoom", "other");
        await PostMessageAsync(alice.AccessToken, "other", "in bob's room");
        Assert.That(left.GetProperty("username").GetString(), Is.EqualTo("bob"));
        Assert.That((await bobHub.WaitForEventAsync("ReceiveMessage")).GetProperty("content").GetString(), Is.EqualTo("in bob's room"), "gone? did not come before it");
    }

    [Test]
    public async Task A_message_posted_over_rest_is_broadcast_to_the_room()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        var bob = await Api.RegisterAndLoginAsync("bob");
        await CreateRoomAsync(alice.AccessToken, "general");
        var bobHub = await ConnectHubAsync(bob.AccessToken);
        await bobHub.InvokeAsync("JoinRoom", "general");

        var posted = await PostMessageAsync(alice.AccessToken, "general", "from rest");

        var received = await bobHub.WaitForEventAsync("ReceiveMessage");
        Assert.That(received.GetProperty("id").GetString(), Is.EqualTo(posted.GetProperty("id").GetString()));
        Assert.That(received.GetProperty("username").GetString(), Is.EqualTo("alice"));
        Assert.That(received.GetProperty("content").GetString(), Is.EqualTo("from rest"));
    }

    [Test]
    public async Task Concurrent_messages_arrive_at_every_member_in_storage_order()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        var bob = await Api.RegisterAndLoginAsync("bob");
        await CreateRoomAsync(alice.AccessToken, "general");
        var aliceHub = await ConnectHubAsync(alice.AccessToken);
        var bobHub = await ConnectHubAsync(bob.AccessToken);
        await aliceHub.InvokeAsync("JoinRoom", "general");
        await bobHub.InvokeAsync("JoinRoom", "general");

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => i % 2 == 0
            ? (Task)aliceHub.InvokeAsync("SendMessage", "general", $"hub {i}")
            : Api.PostAsync("/api/rooms/general/messages", new { content = $"rest {i}" }, bob.AccessToken)));

        var stored = new List<string>();
        var history = await (await Api.GetAsync("/api/rooms/general/messages?limit=100", alice.AccessToken)).ShouldHaveStatus(200);
        stored.AddRange(history.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).Reverse());
        foreach (var hub in new[] { aliceHub, bobHub })
        {
            var received = new List<string>();
            for (var i = 0; i < 30; i++)
            {
                received.Add((await hub.WaitForEventAsync("ReceiveMessage")).GetProperty("id").GetString()!);
            }

            Assert.That(received, Is.EqualTo(stored));
        }
    }

    [Test]
    public async Task Join_returns_who_is_online_and_presence_events_reach_the_others()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        var bob = await Api.RegisterAndLoginAsync("bob");
        await CreateRoomAsync(alice.AccessToken, "General");
        var aliceHub = await ConnectHubAsync(alice.AccessToken);
        var bobHub = await ConnectHubAsync(bob.AccessToken);

        var aliceJoin = await aliceHub.InvokeAsync("JoinRoom", "general");
        var bobJoin = await bobHub.InvokeAsync("JoinRoom", "general");
        var joined = await aliceHub.WaitForEventAsync("UserJoined");
        await bobHub.InvokeAsync("Typing", "general");
        var typing = await aliceHub.WaitForEventAsync("UserTyping");

        Assert.That(aliceJoin.GetProperty("room").GetString(), Is.EqualTo("General"));
        Assert.That(aliceJoin.GetProperty("online").Strings(), Is.EqualTo(new[] { "alice" }));
        Assert.That(bobJoin.GetProperty("online").Strings(), Is.EqualTo(new[] { "alice", "bob" }));
        Assert.That(joined.GetProperty("room").GetString(), Is.EqualTo("General"));
        Assert.That(joined.GetProperty("username").GetString(), Is.EqualTo("bob"));
        Assert.That(typing.GetProperty("username").GetString(), Is.EqualTo("bob"));
        Assert.That(typing.GetProperty("room").GetString(), Is.EqualTo("General"));

        await bobHub.DisposeAsync();
        var left = await aliceHub.WaitForEventAsync("UserLeft");
        Assert.That(left.GetProperty("username").GetString(), Is.EqualTo("bob"));
        Assert.That(left.GetProperty("room").GetString(), Is.EqualTo("General"));
        Assert.That(bobHub.EventsNamed("UserTyping"), Is.Empty, "typing goes to the others only");
        Assert.That(aliceHub.EventsNamed("UserJoined"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Hub_failures_carry_the_contract_error_codes()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        await CreateRoomAsync(alice.AccessToken, "general");
        var hub = await ConnectHubAsync(alice.AccessToken);

        var unknown = Assert.ThrowsAsync<HubInvocationException>(() => hub.InvokeAsync("JoinRoom", "nowhere"));
        var empty = Assert.ThrowsAsync<HubInvocationException>(() => hub.InvokeAsync("SendMessage", "general", "   "));
        var tooLong = Assert.ThrowsAsync<HubInvocationException>(() => hub.InvokeAsync("SendMessage", "general", new string('x', 4001)));
        var noRoom = Assert.ThrowsAsync<HubInvocationException>(() => hub.InvokeAsync("SendMessage", "nowhere", "hi"));

        Assert.That(unknown!.Code, Is.EqualTo("not_found"));
        Assert.That(empty!.Code, Is.EqualTo("validation_failed"));
        Assert.That(tooLong!.Code, Is.EqualTo("validation_failed"));
        Assert.That(noRoom!.Code, Is.EqualTo("not_found"));
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM messages"), Is.EqualTo(0));
        Assert.That((await hub.InvokeAsync("JoinRoom", "general")).GetProperty("room").GetString(), Is.EqualTo("general"));
    }

    [Test]
    public async Task Deleting_a_message_and_then_the_room_is_broadcast_to_its_members()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        var bob = await Api.RegisterAndLoginAsync("bob");
        await CreateRoomAsync(alice.AccessToken, "General");
        var bobHub = await ConnectHubAsync(bob.AccessToken);
        await bobHub.InvokeAsync("JoinRoom", "general");
        var id = (await PostMessageAsync(alice.AccessToken, "general", "oops")).GetProperty("id").GetString();

        await (await Api.DeleteAsync($"/api/rooms/general/messages/{id}", alice.AccessToken)).ShouldHaveStatus(204);
        var deleted = await bobHub.WaitForEventAsync("MessageDeleted");
        await (await Api.DeleteAsync("/api/rooms/general", alice.AccessToken)).ShouldHaveStatus(204);
        var roomDeleted = await bobHub.WaitForEventAsync("RoomDeleted");

        Assert.That(deleted.GetProperty("room").GetString(), Is.EqualTo("General"));
        Assert.That(deleted.GetProperty("id").GetString(), Is.EqualTo(id));
        Assert.That(roomDeleted.GetProperty("room").GetString(), Is.EqualTo("General"));

        await CreateRoomAsync(alice.AccessToken, "general");
        await PostMessageAsync(alice.AccessToken, "general", "new room, new members");
        await CreateRoomAsync(alice.AccessToken, "other");
        await bobHub.InvokeAsync("JoinRoom", "other");
        await PostMessageAsync(alice.AccessToken, "other", "in bob's room");
        Assert.That((await bobHub.WaitForEventAsync("ReceiveMessage")).GetProperty("content").GetString(), Is.EqualTo("oops"));
        Assert.That(
            (await bobHub.WaitForEventAsync("ReceiveMessage")).GetProperty("content").GetString(),
            Is.EqualTo("in bob's room"),
            "the old room's member is not in the new room: nothing of it came first");
    }

    [Test]
    public async Task Logout_all_closes_the_users_hub_connections_within_five_seconds()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        var bob = await Api.RegisterAndLoginAsync("bob");
        var aliceHub = await ConnectHubAsync(alice.AccessToken);
        var bobHub = await ConnectHubAsync(bob.AccessToken);

        var watch = Stopwatch.StartNew();
        await (await Api.PostAsync("/api/auth/logout-all", null, alice.AccessToken)).ShouldHaveStatus(204);

        await aliceHub.Closed.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        await bobHub.InvokeAsync("LeaveRoom", "anywhere");
        Assert.That(bobHub.Closed.IsCompleted, Is.False, "another user's connection stays open and answers");
    }

    [Test]
    public async Task Logout_closes_the_connections_of_that_session_only()
    {
        await Api.RegisterAsync("alice");
        var phone = await Api.LoginAsync("alice");
        var laptop = await Api.LoginAsync("alice");
        var phoneHub = await ConnectHubAsync(phone.AccessToken);
        var laptopHub = await ConnectHubAsync(laptop.AccessToken);

        await (await Api.PostAsync("/api/auth/logout", new { refreshToken = phone.RefreshToken }, phone.AccessToken)).ShouldHaveStatus(204);

        await phoneHub.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        await laptopHub.InvokeAsync("LeaveRoom", "anywhere");
        Assert.That(laptopHub.Closed.IsCompleted, Is.False, "the other session's connection stays open and answers");
    }

    [Test]
    public async Task A_connection_closes_once_its_access_token_expires()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        await CreateRoomAsync(alice.AccessToken, "general");
        var hub = await ConnectHubAsync(alice.AccessToken);
        await hub.InvokeAsync("JoinRoom", "general");
        await hub.InvokeAsync("LeaveRoom", "general");
        Assert.That(hub.Closed.IsCompleted, Is.False);

        Clock.Advance(TimeSpan.FromMinutes(16));

        await hub.Closed.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Test]
    public async Task A_browser_on_a_foreign_origin_is_refused_and_the_same_origin_is_welcome()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");

        var refused = Assert.ThrowsAsync<WebSocketException>(() => ConnectHubAsync(alice.AccessToken, "http://evil.example"));
        var sameOrigin = await ConnectHubAsync(alice.AccessToken, Factory.ServerAddress.GetLeftPart(UriPartial.Authority));

        Assert.That(refused!.Message, Does.Contain("403"));
        Assert.That(sameOrigin.Closed.IsCompleted, Is.False);
    }

    [Test]
    public async Task Oversized_hub_messages_are_refused_by_closing_the_connection()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        await CreateRoomAsync(alice.AccessToken, "general");
        var hub = await ConnectHubAsync(alice.AccessToken);

        _ = hub.InvokeAsync("SendMessage", "general", new string('x', 40 * 1024)).ContinueWith(_ => { }, TaskScheduler.Default);

        await hub.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM messages"), Is.EqualTo(0));
    }

    [Test]
    public async Task The_hub_access_token_never_reaches_the_logs()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        Factory.Logs.Clear();
        await CreateRoomAsync(alice.AccessToken, "general");
        var hub = await ConnectHubAsync(alice.AccessToken);
        await hub.InvokeAsync("JoinRoom", "general");
        await hub.InvokeAsync("SendMessage", "general", "hi");
        await hub.DisposeAsync();
        Assert.ThrowsAsync<WebSocketException>(() => ConnectHubAsync(alice.AccessToken, "http://evil.example"));

        var signature = alice.AccessToken.Split('.')[2];
        Assert.That(Factory.Logs.Lines, Is.Not.Empty);
        Assert.That(Factory.Logs.Lines.Where(l => l.Contains(signature, StringComparison.Ordinal)), Is.Empty);
    }
}
