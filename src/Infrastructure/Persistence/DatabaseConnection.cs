using Npgsql;

namespace ChatPlatform.Infrastructure.Persistence;

/// <summary>
/// The connection settings every part of the API shares. Values the operator leaves out get
/// defaults that make an unreachable database fail fast and let several instances share
/// PostgreSQL's default 100 connections; anything given in the connection string wins.
/// </summary>
internal static class DatabaseConnection
{
    /// <summary>Connections per instance: four instances fit in PostgreSQL's default max_connections with room for operators.</summary>
    public const int DefaultMaxPoolSize = 20;

    /// <summary>Seconds to open a connection or run a command before the request fails as unavailable.</summary>
    public const int DefaultTimeoutSeconds = 4;

    public static NpgsqlDataSource CreatePool(string connectionString)
    {
        var builder = WithDefaults(connectionString);
        return new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
    }

    /// <summary>A data source for the bus listener's one long-lived connection: unpooled, with keepalives so a dead server is noticed.</summary>
    public static NpgsqlDataSource CreateListener(string connectionString)
    {
        var builder = WithDefaults(connectionString);
        builder.Pooling = false;
        builder.KeepAlive = 5;
        builder.TcpKeepAlive = true;
        return new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
    }

    private static NpgsqlConnectionStringBuilder WithDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var given = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Maximum Pool Size") && !given.ContainsKey("Max Pool Size"))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        if (!given.ContainsKey("Timeout"))
        {
            builder.Timeout = DefaultTimeoutSeconds;
        }

        if (!given.ContainsKey("Command Timeout"))
        {
            builder.CommandTimeout = DefaultTimeoutSeconds;
        }

        return builder;
    }
}
