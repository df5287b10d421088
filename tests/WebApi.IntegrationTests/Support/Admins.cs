namespace ChatPlatform.WebApi.IntegrationTests.Support;

/// <summary>Users with roles given straight in the database, as the bootstrap admin would be.</summary>
public static class Admins
{
    public static async Task<Guid> UserIdAsync(string username) =>
        await Database.ScalarAsync<Guid>("""SELECT "Id" FROM users WHERE "UserName" = @name""", ("name", username));

    public static async Task GrantRoleAsync(string username, string role) =>
        await Database.ScalarAsync<int>(
            """
            INSERT INTO user_roles ("UserId", "RoleId")
            SELECT u."Id", r."Id" FROM users u, roles r WHERE u."UserName" = @user AND r."Name" = @role;
            SELECT 1;
            """,
            ("user", username),
            ("role", role));

    /// <summary>Registers the user, makes them an admin, and logs them in.</summary>
    public static async Task<TokenPair> RegisterAdminAsync(this Api api, string username)
    {
        await api.RegisterAsync(username);
        await GrantRoleAsync(username, "admin");
        return await api.LoginAsync(username);
    }
}
