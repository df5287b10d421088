using System.Text.Json;

namespace ChatPlatform.WebApi.IntegrationTests.Support.Fuzzing;

/// <summary>
/// Live things the generated requests point at, so that mutations reach past "not found":
/// an admin's tokens, another user, a room with a message, a custom role and permission.
/// </summary>
public sealed record FuzzFixture(
    string AdminUsername,
    string AdminEmail,
    TokenPair Admin,
    Guid OtherUserId,
    string Room,
    Guid MessageId,
    string Role,
    string Permission)
{
    public const string AdminName = "fuzzadmin";
    private const string OtherUser = "fuzzuser";

    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Bootstrap:AdminUsername"] = AdminName,
        ["Bootstrap:AdminEmail"] = $"{AdminName}@example.com",
        ["Bootstrap:AdminPassword"] = Api.Password,

        // Thousands of wrong passwords for the admin must not lock the fuzzer out.
        ["Identity:Lockout:MaxFailedAttempts"] = "1000000",

        // Thousands of refused requests would log a line or more each; the run only needs failures.
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Warning",
    };

    public static async Task RegisterOtherUserAsync(Api api) => await api.RegisterAsync(OtherUser);

    /// <summary>
    /// A fresh admin login, and the room, message, role and permission again if an earlier
    /// operation's requests deleted them, so every operation starts from the same world.
    /// </summary>
    public static async Task<FuzzFixture> PrepareAsync(Api api)
    {
        var admin = await api.LoginAsync(AdminName);
        var other = await (await api.GetAsync($"/api/users?search={OtherUser}", admin.AccessToken)).ShouldHaveStatus(200);
        var otherId = other.GetProperty("items")[0].GetProperty("id").GetGuid();

        const string room = "fuzzroom";
        await EnsureAsync(api.PostAsync("/api/rooms", new { name = room, description = "fuzzing" }, admin.AccessToken));
        var message = await (await api.PostAsync($"/api/rooms/{room}/messages", new { content = "hello" }, admin.AccessToken)).ShouldHaveStatus(201);

        const string permission = "fuzz.permission";
        await EnsureAsync(api.PostAsync("/api/permissions", new { code = permission, description = "fuzzing" }, admin.AccessToken));
        const string role = "fuzzrole";
        await EnsureAsync(api.PostAsync("/api/roles", new { name = role, description = "fuzzing", permissions = new[] { permission } }, admin.AccessToken));

        return new FuzzFixture(AdminName, $"{AdminName}@example.com", admin, otherId, room, message.GetProperty("id").GetGuid(), role, permission);
    }

    private static async Task EnsureAsync(Task<HttpResponseMessage> creation)
    {
        var response = await creation;
        Assert.That((int)response.StatusCode, Is.EqualTo(201).Or.EqualTo(409), await response.Content.ReadAsStringAsync());
    }

    /// <summary>A valid value for a property of a body, by its name: the fixture's own where one fits.</summary>
    public JsonElement? ValueFor(string property) => property switch
    {
        "username" => Json(AdminUsername),
        "email" => Json(AdminEmail),
        "password" or "currentPassword" or "newPassword" or "confirmPassword" => Json(Api.Password),
        "refreshToken" => Json(Admin.RefreshToken),
        "token" => Json(Admin.AccessToken),
        "content" => Json("hello"),
        "permissions" => JsonSerializer.SerializeToElement(new[] { Permission }),
        "roles" => JsonSerializer.SerializeToElement(new[] { "user" }),
        "code" => Json("fuzz.code"),
        "userId" => Json(OtherUserId.ToString()),
        _ => null,
    };

    /// <summary>A valid path value, by the path segment before it (<c>/api/rooms/{name}</c>: a room).</summary>
    public string? PathValueFor(string previousSegment) => previousSegment switch
    {
        "rooms" => Room,
        "messages" => MessageId.ToString(),
        "roles" => Role,
        "permissions" => Permission,
        "users" => OtherUserId.ToString(),
        "has-role" => "admin",
        "has-permission" => "rooms.create",
        _ => null,
    };

    private static JsonElement Json(string value) => JsonSerializer.SerializeToElement(value);
}
