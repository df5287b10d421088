using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Chat;

public sealed class MessageTests : ChatTest
{
    [Test]
    public async Task A_posted_message_is_stored_trimmed_as_the_caller_whatever_the_body_says()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        await CreateRoomAsync(alice.AccessToken, "General");

        var response = await Api.PostAsync("/api/rooms/general/messages", new { content = "  hello  ", username = "mallory" }, alice.AccessToken);

        var message = await response.ShouldHaveStatus(201);
        Assert.That(message.GetProperty("room").GetString(), Is.EqualTo("General"));
        Assert.That(message.GetProperty("username").GetString(), Is.EqualTo("alice"));
        Assert.That(message.GetProperty("content").GetString(), Is.EqualTo("hello"));
        Assert.That(message.GetProperty("sentAt").GetString(), Does.EndWith("Z"));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/rooms/General/messages/{message.GetProperty("id").GetString()}"));
        var located = await (await Api.GetAsync(response.Headers.Location!.ToString(), alice.AccessToken)).ShouldHaveStatus(200);
        Assert.That(located.GetRawText(), Is.EqualTo(message.GetRawText()), "the stored message reads back exactly as it was answered, times included");
        Assert.That(
            await Database.ScalarAsync<string>("SELECT \"Content\" FROM messages WHERE \"Id\" = @id", ("id", Guid.Parse(message.GetProperty("id").GetString()!))),
            Is.EqualTo("hello"));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase(null)]
    public async Task Empty_content_is_a_validation_failure_and_stores_nothing(string? content)
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        await CreateRoomAsync(alice.AccessToken, "general");

        var problem = await (await Api.PostAsync("/api/rooms/general/messages", new { content }, alice.AccessToken)).ShouldBeProblem(400, "validation_failed");

        Assert.That(problem.GetProperty("errors").TryGetProperty("content", out _), Is.True);
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM messages"), Is.EqualTo(0));
    }

    [Test]
    public async Task Content_is_at_most_4000_characters_after_trimming()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        await CreateRoomAsync(alice.AccessToken, "general");

        await (await Api.PostAsync("/api/rooms/general/messages", new { content = new string('x', 4001) }, alice.AccessToken)).ShouldBeProblem(400, "validation_failed");
        await PostMessageAsync(alice.AccessToken, "general", "  " + new string('x', 4000) + "  ");

        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM messages"), Is.EqualTo(1));
    }

    [Test]
    public async Task History_pages_through_120_messages_newest_first_without_gaps_or_duplicates()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        await CreateRoomAsync(alice.AccessToken, "general");
        await CreateRoomAsync(alice.AccessToken, "elsewhere");
        for (var i = 0; i < 120; i++)
        {
            await PostMessageAsync(alice.AccessToken, "general", $"m{i}");
            if (i % 10 == 0)
            {
                await PostMessageAsync(alice.AccessToken, "elsewhere", $"noise{i}");
            }
        }

        var seen = new List<string>();
        var pages = new List<int>();
        string? before = null;
        do
        {
            var query = before is null ? "" : $"&before={before}";
            var page = await (await Api.GetAsync($"/api/rooms/general/messages?limit=50{query}", alice.AccessToken)).ShouldHaveStatus(200);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            pages.Add(items.Count);
            seen.AddRange(items.Select(m => m.GetProperty("content").GetString()!));
            var next = page.GetProperty("nextBefore");
            before = next.ValueKind == System.Text.Json.JsonValueKind.Null ? null : next.GetString();
            if (before is not null)
            {
                Assert.That(before, Is.EqualTo(items[^1].GetProperty("id").GetString()));
            }
        }
        while (before is not null);

        Assert.That(pages, Is.EqualTo(new[] { 50, 50, 20 }));
        Assert.That(seen, Is.EqualTo(Enumerable.Range(0, 120).Reverse().Select(i => $"m{i}").ToList()));
    }

    [Test]
    public async Task History_defaults_to_50_and_ends_with_a_null_next_before()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        await CreateRoomAsync(alice.AccessToken, "general");
        await PostMessageAsync(alice.AccessToken, "general", "only");

        var page = await (await Api.GetAsync("/api/rooms/general/messages", alice.AccessToken)).ShouldHaveStatus(200);

        Assert.That(page.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
        Assert.That(page.GetProperty("nextBefore").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    [TestCase("limit=0", "limit")]
    [TestCase("limit=101", "limit")]
    [TestCase("limit=many", "limit")]
    [TestCase("before=not-a-guid", "before")]
    public async Task Bad_history_parameters_are_validation_failures(string query, string field)
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        await CreateRoomAsync(alice.AccessToken, "general");

        var problem = await (await Api.GetAsync("/api/rooms/general/messages?" + query, alice.AccessToken)).ShouldBeProblem(400, "validation_failed");

        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True);
    }

    [Test]
    public async Task A_before_id_that_is_not_a_message_of_the_room_is_a_validation_failure()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        await CreateRoomAsync(alice.AccessToken, "general");
        await CreateRoomAsync(alice.AccessToken, "other");
        var elsewhere = await PostMessageAsync(alice.AccessToken, "other", "hi");

        var unknown = await Api.GetAsync($"/api/rooms/general/messages?before={Guid.NewGuid()}", alice.AccessToken);
        var foreign = await Api.GetAsync($"/api/rooms/general/messages?before={elsewhere.GetProperty("id").GetString()}", alice.AccessToken);

        Assert.That((await unknown.ShouldBeProblem(400, "validation_failed")).GetProperty("errors").TryGetProperty("before", out _), Is.True);
        await foreign.ShouldBeProblem(400, "validation_failed");
    }

    [Test]
    public async Task Only_the_author_or_a_holder_of_messages_moderate_may_delete_a_message()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        var bob = await Api.RegisterAndLoginAsync("bob");
        await CreateRoomAsync(alice.AccessToken, "general");
        var first = (await PostMessageAsync(alice.AccessToken, "general", "one")).GetProperty("id").GetString();
        var second = (await PostMessageAsync(alice.AccessToken, "general", "two")).GetProperty("id").GetString();

        await (await Api.DeleteAsync($"/api/rooms/general/messages/{first}", bob.AccessToken)).ShouldBeProblem(403, "forbidden");
        await (await Api.DeleteAsync($"/api/rooms/general/messages/{first}", alice.AccessToken)).ShouldHaveStatus(204);
        await (await Api.DeleteAsync($"/api/rooms/general/messages/{first}", alice.AccessToken)).ShouldBeProblem(404, "not_found");

        var moderator = await MakeAdminAsync(bob, "bob");
        await (await Api.DeleteAsync($"/api/rooms/general/messages/{second}", moderator.AccessToken)).ShouldHaveStatus(204);
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM messages"), Is.EqualTo(0));
    }

    [Test]
    public async Task One_message_is_read_only_through_its_own_room_and_not_once_deleted()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        var bob = await Api.RegisterAndLoginAsync("bob");
        await CreateRoomAsync(alice.AccessToken, "general");
        await CreateRoomAsync(alice.AccessToken, "other");
        var message = await PostMessageAsync(alice.AccessToken, "general", "one");
        var id = message.GetProperty("id").GetString();

        var fetched = await (await Api.GetAsync($"/api/rooms/GENERAL/messages/{id}", bob.AccessToken)).ShouldHaveStatus(200);
        Assert.Multiple(() =>
        {
            Assert.That(fetched.GetProperty("id").GetString(), Is.EqualTo(id));
            Assert.That(fetched.GetProperty("room").GetString(), Is.EqualTo("general"));
            Assert.That(fetched.GetProperty("sequence").GetInt64(), Is.EqualTo(message.GetProperty("sequence").GetInt64()));
            Assert.That(fetched.GetProperty("username").GetString(), Is.EqualTo("alice"));
            Assert.That(fetched.GetProperty("content").GetString(), Is.EqualTo("one"));
        });
        await (await Api.GetAsync($"/api/rooms/other/messages/{id}", bob.AccessToken)).ShouldBeProblem(404, "not_found");
        await (await Api.GetAsync($"/api/rooms/nowhere/messages/{id}", bob.AccessToken)).ShouldBeProblem(404, "not_found");
        await (await Api.GetAsync($"/api/rooms/general/messages/{Guid.NewGuid()}", bob.AccessToken)).ShouldBeProblem(404, "not_found");
        await (await Api.DeleteAsync($"/api/rooms/general/messages/{id}", alice.AccessToken)).ShouldHaveStatus(204);
        await (await Api.GetAsync($"/api/rooms/general/messages/{id}", bob.AccessToken)).ShouldBeProblem(404, "not_found");
    }

    [Test]
    public async Task A_message_is_deleted_only_through_its_own_room()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        await CreateRoomAsync(alice.AccessToken, "general");
        await CreateRoomAsync(alice.AccessToken, "other");
        var id = (await PostMessageAsync(alice.AccessToken, "general", "one")).GetProperty("id").GetString();

        await (await Api.DeleteAsync($"/api/rooms/other/messages/{id}", alice.AccessToken)).ShouldBeProblem(404, "not_found");

        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM messages"), Is.EqualTo(1));
    }

    [Test]
    public async Task History_is_read_from_the_room_and_sequence_index()
    {
        var plan = await Database.ScalarAsync<string>(
            """
            SET enable_seqscan = off;
            EXPLAIN (FORMAT JSON) SELECT * FROM messages WHERE "RoomId" = '00000000-0000-0000-0000-000000000001' AND "Sequence" < 1000
            ORDER BY "Sequence" DESC LIMIT 51;
            """);

        Assert.That(plan, Does.Contain("IX_messages_RoomId_Sequence"));
    }
}
