using System.Net.Http.Headers;
using System.Text;
using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Security;

/// <summary>Every 500 of the attack report is now a 400 or 415 that changes nothing, and every input has a bound.</summary>
public sealed class InputBoundsTests : ChatTest
{
    private static async Task ShouldNameField(HttpResponseMessage response, string field)
    {
        var problem = await response.ShouldBeProblem(400, "validation_failed");
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, $"errors names '{field}': {problem}");
    }

    [TestCase("/api/rooms", "page=2147483647", "page")]
    [TestCase("/api/rooms", "page=1000001", "page")]
    [TestCase("/api/rooms", "page=0", "page")]
    [TestCase("/api/rooms", "pageSize=101", "pageSize")]
    [TestCase("/api/rooms", "pageSize=0", "pageSize")]
    [TestCase("/api/users", "page=2147483647", "page")]
    [TestCase("/api/users", "page=1000001", "page")]
    [TestCase("/api/users", "pageSize=101", "pageSize")]
    [TestCase("/api/rooms", "search=a%00b", "search")]
    [TestCase("/api/users", "search=a%00b", "search")]
    [TestCase("/api/rooms", "search=" + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "search")]
    public async Task Out_of_range_list_parameters_are_a_400_naming_the_parameter(string path, string query, string field)
    {
        var root = await Api.RegisterAdminAsync("root");

        await ShouldNameField(await Api.GetAsync($"{path}?{query}", root.AccessToken), field);
    }

    [TestCase("/api/rooms")]
    [TestCase("/api/users")]
    public async Task The_last_allowed_page_is_an_empty_page_not_an_error(string path)
    {
        var root = await Api.RegisterAdminAsync("root");

        var page = await (await Api.GetAsync($"{path}?page=1000000&pageSize=100", root.AccessToken)).ShouldHaveStatus(200);

        Assert.That(page.GetProperty("items").GetArrayLength(), Is.EqualTo(0));
    }

    [TestCase("limit=0")]
    [TestCase("limit=101")]
    [TestCase("limit=2147483647")]
    public async Task Message_history_limit_is_bounded(string query)
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        await CreateRoomAsync(alice.AccessToken, "general");

        await ShouldNameField(await Api.GetAsync($"/api/rooms/general/messages?{query}", alice.AccessToken), "limit");
    }

    [TestCase("email", "alice\u0000@example.com")]
    [TestCase("email", " alice@example.com ")]
    [TestCase("email", "Alice <alice@example.com>")]
    [TestCase("email", "alice@example.com\n")]
    [TestCase("email", "alice\u0001@example.com")]
    [TestCase("firstName", "Al\u0000ice")]
    [TestCase("lastName", "Liddell\r\n")]
    [TestCase("username", "alice\n")]
    [TestCase("username", "ali\u007Fce")]
    public async Task Registration_with_a_control_character_or_an_address_that_is_not_plain_is_a_400_and_stores_nothing(string field, string value)
    {
        var body = new Dictionary<string, string>
        {
            ["username"] = "alice",
            ["email"] = "alice@example.com",
            ["password"] = Api.Password,
            ["confirmPassword"] = Api.Password,
        };
        body[field] = value;

        await ShouldNameField(await Api.PostAsync("/api/auth/register", body), field);

        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM users"), Is.EqualTo(0));
    }

    [TestCase("firstName", "A\u0000")]
    [TestCase("email", "new\u0000@example.com")]
    [TestCase("username", "alice\u0000")]
    public async Task Put_me_with_a_control_character_is_a_400_naming_the_field(string field, string value)
    {
        var alice = await Api.RegisterAndLoginAsync("alice");

        await ShouldNameField(await Api.PutAsync("/api/users/me", new Dictionary<string, string> { [field] = value, ["currentPassword"] = Api.Password }, alice.AccessToken), field);
    }

    [Test]
    public async Task A_login_with_a_nul_in_the_username_is_a_400_not_a_500()
    {
        await ShouldNameField(await Api.PostAsync("/api/auth/login", new { username = "ali\u0000ce", password = Api.Password }), "username");
    }

    [TestCase("general\n")]
    [TestCase("general\r")]
    [TestCase("gen\u0000eral")]
    public async Task A_room_name_with_a_control_character_is_a_400_and_no_room_is_stored(string name)
    {
        var alice = await Api.RegisterAndLoginAsync("alice");

        await ShouldNameField(await Api.PostAsync("/api/rooms", new { name }, alice.AccessToken), "name");

        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM rooms"), Is.EqualTo(0));
    }

    [Test]
    public async Task A_room_description_with_a_control_character_is_a_400()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");

        await ShouldNameField(await Api.PostAsync("/api/rooms", new { name = "general", description = "bell\u0007" }, alice.AccessToken), "description");
    }

    [Test]
    public async Task A_room_description_with_a_nul_is_a_400_not_a_500()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");

        await ShouldNameField(await Api.PostAsync("/api/rooms", new { name = "general", description = "nul\u0000" }, alice.AccessToken), "description");

        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM rooms"), Is.EqualTo(0));
    }

    [Test]
    public async Task A_last_name_with_a_nul_is_a_400_not_a_500()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");

        await ShouldNameField(await Api.PutAsync("/api/users/me", new { lastName = "Lid\u0000dell" }, alice.AccessToken), "lastName");

        var me = await (await Api.GetAsync("/api/users/me", alice.AccessToken)).ShouldHaveStatus(200);
        Assert.That(me.GetProperty("lastName").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    // Model binding turns a blank path segment into null; the role lookup then threw.
    [TestCase("GET", "%20")]
    [TestCase("DELETE", "%20")]
    [TestCase("PUT", "%20")]
    [TestCase("GET", "%09")]
    [TestCase("DELETE", "%0A")]
    public async Task A_blank_role_name_in_the_path_is_a_400_not_a_500(string method, string name)
    {
        var root = await Api.RegisterAdminAsync("root");
        var body = method == "PUT" ? new { permissions = Array.Empty<string>() } : null;

        await ShouldNameField(await Api.SendAsync(new HttpMethod(method), $"/api/roles/{name}", body, root.AccessToken), "name");

        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM roles"), Is.EqualTo(2));
    }

    [TestCase("/api/rooms/gen%01eral")]
    [TestCase("/api/rooms/general%0A/messages")]
    [TestCase("/api/roles/user%0A")]
    public async Task A_name_with_a_control_character_in_the_path_is_a_400_naming_it(string path)
    {
        var root = await Api.RegisterAdminAsync("root");

        await ShouldNameField(await Api.GetAsync(path, root.AccessToken), "name");
    }

    [Test]
    public async Task A_nul_in_the_path_is_refused_with_a_400_by_the_server_itself()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");

        await (await Api.GetAsync("/api/rooms/gen%00eral", alice.AccessToken)).ShouldHaveStatus(400);
    }

    [TestCase("hello\u0000world")]
    [TestCase("bell\u0007")]
    [TestCase("escape\u001B[31m")]
    public async Task Message_content_with_a_control_character_other_than_tab_or_line_break_is_a_400(string content)
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        await CreateRoomAsync(alice.AccessToken, "general");

        await ShouldNameField(await Api.PostAsync("/api/rooms/general/messages", new { content }, alice.AccessToken), "content");

        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM messages"), Is.EqualTo(0));
    }

    [Test]
    public async Task Message_content_may_hold_tabs_and_line_breaks()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        await CreateRoomAsync(alice.AccessToken, "general");

        var message = await PostMessageAsync(alice.AccessToken, "general", "line one\r\n\tline two\nend");

        Assert.That(message.GetProperty("content").GetString(), Is.EqualTo("line one\r\n\tline two\nend"));
    }

    [Test]
    public async Task Hub_methods_with_a_nul_answer_validation_failed()
    {
        var alice = await Api.RegisterAndLoginAsync("alice");
        await CreateRoomAsync(alice.AccessToken, "general");
        var hub = await ConnectHubAsync(alice.AccessToken);

        var join = Assert.ThrowsAsync<HubInvocationException>(() => hub.InvokeAsync("JoinRoom", "gen\u0000eral"));
        var send = Assert.ThrowsAsync<HubInvocationException>(() => hub.InvokeAsync("SendMessage", "general", "hi\u0000"));

        Assert.That(join!.Code, Is.EqualTo("validation_failed"));
        Assert.That(send!.Code, Is.EqualTo("validation_failed"));
    }

    [TestCase("name", "mods\n")]
    [TestCase("description", "line\u0000")]
    public async Task Role_fields_with_a_control_character_are_a_400(string field, string value)
    {
        var root = await Api.RegisterAdminAsync("root");
        var body = new Dictionary<string, object> { ["name"] = "mods", ["permissions"] = Array.Empty<string>() };
        body[field] = value;

        await ShouldNameField(await Api.PostAsync("/api/roles", body, root.AccessToken), field);

        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM roles"), Is.EqualTo(2));
    }

    [TestCase("code", "reports.read\n")]
    [TestCase("description", "x\u0000")]
    public async Task Permission_fields_with_a_control_character_are_a_400(string field, string value)
    {
        var root = await Api.RegisterAdminAsync("root");
        var body = new Dictionary<string, object> { ["code"] = "reports.read" };
        body[field] = value;

        await ShouldNameField(await Api.PostAsync("/api/permissions", body, root.AccessToken), field);

        Assert.That(await Database.ScalarAsync<long>("""SELECT count(*) FROM permissions WHERE "Code" LIKE 'reports%'"""), Is.EqualTo(0));
    }

    [Test]
    public async Task A_role_update_with_a_permission_code_holding_a_line_break_is_a_400()
    {
        var root = await Api.RegisterAdminAsync("root");

        await ShouldNameField(await Api.PutAsync("/api/roles/user", new { permissions = new[] { "rooms.create\n" } }, root.AccessToken), "permissions");
    }

    [TestCase("/api/auth/register")]
    [TestCase("/api/auth/verify")]
    [TestCase("/api/auth/login")]
    public async Task A_json_body_in_a_charset_other_than_utf8_is_415(string path)
    {
        using var content = new ByteArrayContent(Encoding.Unicode.GetBytes("{\"token\":\"x\"}").Append((byte)'{').ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-16");

        var response = await Api.Http.PostAsync(path, content);

        await response.ShouldBeProblem(415, "unsupported_media_type");
    }

    // MVC's JSON reader threw while parsing the parameters, looking for the charset.
    [TestCase("application/json; charset=")]
    [TestCase("application/json; foo=")]
    [TestCase("text/json; charset=utf-16")]
    public async Task A_json_content_type_with_an_empty_or_foreign_charset_is_415_not_a_500(string contentType)
    {
        var root = await Api.RegisterAdminAsync("root");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/roles") { Content = new ByteArrayContent("{\"name\":\"mods\",\"permissions\":[]}"u8.ToArray()) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.Authorization = new("Bearer", root.AccessToken);

        var response = await Api.Http.SendAsync(request);

        await response.ShouldBeProblem(415, "unsupported_media_type");
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM roles"), Is.EqualTo(2));
    }

    [Test]
    public async Task A_json_body_declared_utf8_is_accepted()
    {
        using var content = new StringContent("{\"token\":\"x\"}", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=UTF-8");

        var response = await Api.Http.PostAsync("/api/auth/verify", content);

        await response.ShouldBeProblem(401, "token_invalid");
    }

    private static string Text(int length) => new('a', length);

    private static IEnumerable<TestCaseData> BodyBounds()
    {
        var password = Api.Password;
        yield return new TestCaseData("POST", "/api/auth/register", new Dictionary<string, object> { ["username"] = Text(33), ["email"] = "x@example.com", ["password"] = password, ["confirmPassword"] = password }, "username").SetName("register username over 32");
        yield return new TestCaseData("POST", "/api/auth/register", new Dictionary<string, object> { ["username"] = "xavier", ["email"] = Text(250) + "@x.io", ["password"] = password, ["confirmPassword"] = password }, "email").SetName("register email over 254");
        yield return new TestCaseData("POST", "/api/auth/register", new Dictionary<string, object> { ["username"] = "xavier", ["email"] = "x@example.com", ["password"] = password, ["confirmPassword"] = password, ["firstName"] = Text(101) }, "firstName").SetName("register first name over 100");
        yield return new TestCaseData("POST", "/api/auth/login", new Dictionary<string, object> { ["username"] = Text(257), ["password"] = password }, "username").SetName("login username over 256");
        yield return new TestCaseData("POST", "/api/auth/login", new Dictionary<string, object> { ["username"] = "alice", ["password"] = Text(257) }, "password").SetName("login password over 256");
        yield return new TestCaseData("POST", "/api/auth/login/2fa", new Dictionary<string, object> { ["challengeToken"] = Text(257), ["code"] = "123456" }, "challengeToken").SetName("challenge over 256");
        yield return new TestCaseData("POST", "/api/auth/login/2fa", new Dictionary<string, object> { ["challengeToken"] = "x", ["code"] = Text(17) }, "code").SetName("code over 16");
        yield return new TestCaseData("POST", "/api/auth/refresh", new Dictionary<string, object> { ["refreshToken"] = Text(513) }, "refreshToken").SetName("refresh token over 512");
        yield return new TestCaseData("POST", "/api/auth/verify", new Dictionary<string, object> { ["token"] = Text(8193) }, "token").SetName("verified token over 8192");
        yield return new TestCaseData("PUT", "/api/users/me", new Dictionary<string, object> { ["lastName"] = Text(101) }, "lastName").SetName("me last name over 100");
        yield return new TestCaseData("PUT", "/api/users/me/password", new Dictionary<string, object> { ["currentPassword"] = Text(257), ["newPassword"] = "Sturdy-Pass-91" }, "currentPassword").SetName("current password over 256");
        yield return new TestCaseData("POST", "/api/users/me/2fa/enable", new Dictionary<string, object> { ["password"] = Text(257) }, "password").SetName("2fa password over 256");
        yield return new TestCaseData("POST", "/api/users/me/2fa/confirm", new Dictionary<string, object> { ["code"] = Text(17) }, "code").SetName("2fa confirm code over 16");
        yield return new TestCaseData("POST", "/api/rooms", new Dictionary<string, object> { ["name"] = Text(65) }, "name").SetName("room name over 64");
        yield return new TestCaseData("POST", "/api/rooms", new Dictionary<string, object> { ["name"] = "ok", ["description"] = Text(501) }, "description").SetName("room description over 500");
        yield return new TestCaseData("POST", "/api/rooms/general/messages", new Dictionary<string, object> { ["content"] = Text(4001) }, "content").SetName("message over 4000");
        yield return new TestCaseData("POST", "/api/roles", new Dictionary<string, object> { ["name"] = Text(65) }, "name").SetName("role name over 64");
        yield return new TestCaseData("POST", "/api/roles", new Dictionary<string, object> { ["name"] = "ok", ["description"] = Text(501) }, "description").SetName("role description over 500");
        yield return new TestCaseData("POST", "/api/roles", new Dictionary<string, object> { ["name"] = "ok", ["permissions"] = Enumerable.Repeat("rooms.create", 1001).ToArray() }, "permissions").SetName("role permissions over 1000");
        yield return new TestCaseData("POST", "/api/roles", new Dictionary<string, object> { ["name"] = "ok", ["permissions"] = new[] { "a." + Text(100) } }, "permissions").SetName("permission code in a role over 100");
        yield return new TestCaseData("POST", "/api/permissions", new Dictionary<string, object> { ["code"] = "a." + Text(100) }, "code").SetName("permission code over 100");
        yield return new TestCaseData("POST", "/api/permissions", new Dictionary<string, object> { ["code"] = "a.b", ["description"] = Text(501) }, "description").SetName("permission description over 500");
        yield return new TestCaseData("PUT", "/api/users/00000000-0000-0000-0000-000000000001/roles", new Dictionary<string, object> { ["roles"] = Enumerable.Repeat("user", 101).ToArray() }, "roles").SetName("roles over 100");
    }

    [TestCaseSource(nameof(BodyBounds))]
    public async Task Every_text_and_list_in_a_body_has_a_bound(string method, string path, Dictionary<string, object> body, string field)
    {
        var root = await Api.RegisterAdminAsync("root");
        await CreateRoomAsync(root.AccessToken, "general");

        await ShouldNameField(await Api.SendAsync(new HttpMethod(method), path, body, root.AccessToken), field);
    }
}
