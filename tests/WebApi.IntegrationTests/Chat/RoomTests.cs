using System.Net;
using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Chat;

public sealed class RoomTests : ChatTest
{
    [Test]
    public async Task Creating_a_room_returns_it_with_its_creator_and_a_location()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");

        var response = await Api.PostAsync("/api/rooms", new { name = "General-1_a", description = " Talk " }, alice.AccessToken);

        var room = await response.ShouldHaveStatus(201);
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/api/rooms/General-1_a"));
        Assert.That(room.GetProperty("name").GetString(), Is.EqualTo("General-1_a"));
        Assert.That(room.GetProperty("description").GetString(), Is.EqualTo("Talk"));
        Assert.That(room.GetProperty("createdBy").GetString(), Is.EqualTo("alice"));
        Assert.That(room.GetProperty("createdAt").GetString(), Does.EndWith("Z"));
        Assert.That(Guid.TryParse(room.GetProperty("id").GetString(), out _), Is.True);

        var located = await (await Api.GetAsync(response.Headers.Location!.ToString(), alice.AccessToken)).ShouldHaveStatus(200);
        Assert.That(located.GetRawText(), Is.EqualTo(room.GetRawText()), "the stored room reads back exactly as it was answered, times included");
        var fetched = await (await Api.GetAsync("/api/rooms/general-1_A", alice.AccessToken)).ShouldHaveStatus(200);
        Assert.That(fetched.GetProperty("id").GetString(), Is.EqualTo(room.GetProperty("id").GetString()));
    }

    [Test]
    public async Task Room_names_are_unique_whatever_their_case()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        await CreateRoomAsync(alice.AccessToken, "General");

        var duplicate = await Api.PostAsync("/api/rooms", new { name = "GENERAL" }, alice.AccessToken);

        var problem = await duplicate.ShouldBeProblem(409, "room_exists");
        Assert.That(problem.GetProperty("errors").TryGetProperty("name", out _), Is.True);
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM rooms"), Is.EqualTo(1));
    }

    [Test]
    public async Task Concurrent_creators_of_one_name_get_one_room_and_conflicts_never_errors()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Api.PostAsync("/api/rooms", new { name = i % 2 == 0 ? "race" : "RACE" }, alice.AccessToken)));

        Assert.That(responses.Count(r => r.StatusCode == HttpStatusCode.Created), Is.EqualTo(1));
        foreach (var conflict in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await conflict.ShouldBeProblem(409, "room_exists");
        }

        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM rooms"), Is.EqualTo(1));
    }

    [TestCase("")]
    [TestCase("has space")]
    [TestCase("naïve")]
    [TestCase("a/b")]
    public async Task Bad_room_names_are_validation_failures_and_create_nothing(string name)
    {
        var alice = await Api.RegisterAndLoginAsync("alice");

        var response = await Api.PostAsync("/api/rooms", new { name }, alice.AccessToken);

        var problem = await response.ShouldBeProblem(400, "validation_failed");
        Assert.That(problem.GetProperty("errors").TryGetProperty("name", out _), Is.True);
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM rooms"), Is.EqualTo(0));
    }

    [Test]
    public async Task Room_names_are_at_most_64_characters()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");

        await (await Api.PostAsync("/api/rooms", new { name = new string('a', 65) }, alice.AccessToken)).ShouldBeProblem(400, "validation_failed");
        await CreateRoomAsync(alice.AccessToken, new string('a', 64));
    }

    [Test]
    public async Task Creating_a_room_needs_the_rooms_create_permission()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        await RevokeFromUserRoleAsync("rooms.create");

        var response = await Api.PostAsync("/api/rooms", new { name = "general" }, alice.AccessToken);

        await response.ShouldBeProblem(403, "forbidden");
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM rooms"), Is.EqualTo(0));
    }

    [Test]
    public async Task Rooms_need_an_access_token()
    {
        await (await Api.GetAsync("/api/rooms")).ShouldBeProblem(401, "token_missing");
        await (await Api.PostAsync("/api/rooms", new { name = "general" })).ShouldBeProblem(401, "token_missing");
    }

    [Test]
    public async Task The_room_list_is_paged_sorted_by_name_and_searchable()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        foreach (var name in new[] { "delta", "alpha", "charlie", "bravo", "alphabet" })
        {
            await CreateRoomAsync(alice.AccessToken, name);
        }

        var first = await (await Api.GetAsync("/api/rooms?page=1&pageSize=2", alice.AccessToken)).ShouldHaveStatus(200);
        var last = await (await Api.GetAsync("/api/rooms?page=3&pageSize=2", alice.AccessToken)).ShouldHaveStatus(200);
        var search = await (await Api.GetAsync("/api/rooms?search=ALPHA", alice.AccessToken)).ShouldHaveStatus(200);

        Assert.That(first.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("name").GetString()), Is.EqualTo(new[] { "alpha", "alphabet" }));
        Assert.That(first.GetProperty("page").GetInt32(), Is.EqualTo(1));
        Assert.That(first.GetProperty("pageSize").GetInt32(), Is.EqualTo(2));
        Assert.That(first.GetProperty("totalCount").GetInt32(), Is.EqualTo(5));
        Assert.That(first.GetProperty("totalPages").GetInt32(), Is.EqualTo(3));
        Assert.That(last.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("name").GetString()), Is.EqualTo(new[] { "delta" }));
        Assert.That(search.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("name").GetString()), Is.EqualTo(new[] { "alpha", "alphabet" }));
        Assert.That(search.GetProperty("pageSize").GetInt32(), Is.EqualTo(20));
    }

    [TestCase("page=0", "page")]
    [TestCase("pageSize=0", "pageSize")]
    [TestCase("pageSize=101", "pageSize")]
    [TestCase("page=abc", "page")]
    public async Task Out_of_range_paging_is_a_validation_failure(string query, string field)
    {
        var alice = await Api.RegisterAndLoginAsync("alice");

        var problem = await (await Api.GetAsync("/api/rooms?" + query, alice.AccessToken)).ShouldBeProblem(400, "validation_failed");

        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True);
    }

    [Test]
    public async Task An_unknown_room_is_not_found()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");

        await (await Api.GetAsync("/api/rooms/nowhere", alice.AccessToken)).ShouldBeProblem(404, "not_found");
        await (await Api.DeleteAsync("/api/rooms/nowhere", alice.AccessToken)).ShouldBeProblem(404, "not_found");
        await (await Api.GetAsync("/api/rooms/nowhere/messages", alice.AccessToken)).ShouldBeProblem(404, "not_found");
        await (await Api.PostAsync("/api/rooms/nowhere/messages", new { content = "hi" }, alice.AccessToken)).ShouldBeProblem(404, "not_found");
    }

    [Test]
    public async Task Only_the_creator_or_a_holder_of_rooms_manage_may_delete_a_room()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        var bob = await Api.RegisterAndLoginAsync("bob");
        await CreateRoomAsync(alice.AccessToken, "mine");
        await CreateRoomAsync(alice.AccessToken, "other");

        await (await Api.DeleteAsync("/api/rooms/mine", bob.AccessToken)).ShouldBeProblem(403, "forbidden");
        await (await Api.GetAsync("/api/rooms/mine", bob.AccessToken)).ShouldHaveStatus(200);

        await (await Api.DeleteAsync("/api/rooms/MINE", alice.AccessToken)).ShouldHaveStatus(204);
        await (await Api.GetAsync("/api/rooms/mine", alice.AccessToken)).ShouldBeProblem(404, "not_found");

        var admin = await MakeAdminAsync(bob, "bob");
        await (await Api.DeleteAsync("/api/rooms/other", admin.AccessToken)).ShouldHaveStatus(204);
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM rooms"), Is.EqualTo(0));
    }

    [Test]
    public async Task Deleting_a_room_deletes_its_messages()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        await CreateRoomAsync(alice.AccessToken, "doomed");
        await CreateRoomAsync(alice.AccessToken, "kept");
        await PostMessageAsync(alice.AccessToken, "doomed", "one");
        await PostMessageAsync(alice.AccessToken, "doomed", "two");
        await PostMessageAsync(alice.AccessToken, "kept", "three");

        await (await Api.DeleteAsync("/api/rooms/doomed", alice.AccessToken)).ShouldHaveStatus(204);

        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM messages"), Is.EqualTo(1));
    }
}
