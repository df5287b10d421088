using System.Text.Json;
using ChatPlatform.Application.Common.Interfaces;
using Microsoft.Extensions.DependencyInjection;

namespace ChatPlatform.WebApi.IntegrationTests.Support;

/// <summary>Base of chat tests: room and hub helpers, and hub connections closed after each test.</summary>
public abstract class ChatTest : ApiTest
{
    private readonly List<HubClient> _hubs = [];

    [TearDown]
    public async Task DisconnectHubsAsync()
    {
        foreach (var hub in _hubs)
        {
            await hub.DisposeAsync();
        }

        _hubs.Clear();
    }

    protected async Task<HubClient> ConnectHubAsync(string accessToken, string? origin = null)
    {
        var hub = await HubClient.ConnectAsync(Factory.ServerAddress, accessToken, origin);
        _hubs.Add(hub);
        return hub;
    }

    protected async Task<JsonElement> CreateRoomAsync(string accessToken, string name, string? description = null) =>
        await (await Api.PostAsync("/api/rooms", new { name, description }, accessToken)).ShouldHaveStatus(201);

    protected async Task<JsonElement> PostMessageAsync(string accessToken, string room, string content) =>
        await (await Api.PostAsync($"/api/rooms/{room}/messages", new { content }, accessToken)).ShouldHaveStatus(201);

    /// <summary>Gives the user the admin role and returns a fresh token pair carrying it.</summary>
    protected async Task<TokenPair> MakeAdminAsync(TokenPair pair, string userName)
    {
        await Database.ScalarAsync<int>(
            """
            INSERT INTO user_roles ("UserId", "RoleId")
            SELECT u."Id", r."Id" FROM users u, roles r WHERE u."UserName" = @name AND r."Name" = 'admin';
            SELECT 1;
            """,
            ("name", userName));
        return await Api.RefreshAsync(pair.RefreshToken);
    }

    /// <summary>Takes a permission away from the default <c>user</c> role, as an administrator would.</summary>
    protected static async Task RevokeFromUserRoleAsync(string permission)
    {
        await Database.ScalarAsync<int>(
            """
            DELETE FROM role_permissions rp USING roles r
            WHERE rp."RoleId" = r."Id" AND r."Name" = 'user' AND rp."PermissionCode" = @permission;
            SELECT 1;
            """,
            ("permission", permission));
        await Factory.Services.GetRequiredService<IPermissionCatalogue>().ReloadAsync(CancellationToken.None);
    }
}
