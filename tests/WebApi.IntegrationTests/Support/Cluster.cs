using Npgsql;

namespace ChatPlatform.WebApi.IntegrationTests.Support;

/// <summary>
/// Two instances of the API on one database, as an operator runs them behind a load balancer:
/// each is a real application on its own Kestrel port, sharing nothing but PostgreSQL.
/// </summary>
public sealed class Cluster : IAsyncDisposable
{
    /// <summary>Quick presence so that a dead instance's users leave within seconds, not a minute.</summary>
    public static readonly IReadOnlyDictionary<string, string?> FastPresence = new Dictionary<string, string?>
    {
        ["Chat:Presence:Heartbeat"] = "00:00:01",
        ["Chat:Presence:Timeout"] = "00:00:05",
    };

    private Cluster(string connectionString, ApiFactory a, ApiFactory b)
    {
        ConnectionString = connectionString;
        A = a;
        B = b;
    }

    public string ConnectionString { get; }
    public ApiFactory A { get; }
    public ApiFactory B { get; }

    public static async Task<Cluster> StartAsync(string connectionString, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(FastPresence);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var a = new ApiFactory(connectionString, settings);
        a.StartServer();
        var b = new ApiFactory(connectionString, settings);
        b.StartServer();
        return new Cluster(connectionString, a, b);
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public Task<Guid> UserIdAsync(string username) =>
        ScalarAsync<Guid>("""SELECT "Id" FROM users WHERE "UserName" = @name""", ("name", username));

    public Task GrantRoleAsync(string username, string role) =>
        ScalarAsync<int>(
            """
            INSERT INTO user_roles ("UserId", "RoleId")
            SELECT u."Id", r."Id" FROM users u, roles r WHERE u."UserName" = @user AND r."Name" = @role;
            SELECT 1;
            """,
            ("user", username),
            ("role", role));

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}
