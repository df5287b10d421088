using ChatPlatform.WebApi.IntegrationTests;
using Npgsql;

namespace ChatPlatform.WebApi.IntegrationTests.Support;

/// <summary>Direct reads of the shared application's database, for assertions on stored state.</summary>
public static class Database
{
    public static async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(TestRun.Api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }
}
