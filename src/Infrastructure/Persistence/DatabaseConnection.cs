using System.Data.Common;
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

        // Npgsql's builder knows every keyword; the plain one tells which the operator wrote (in any spelling).
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>()
            .Select(key => key.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        if (!given.Contains("maximumpoolsize") && !given.Contains("maxpoolsize"))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        if (!given.Contains("timeout"))
        {
            builder.Timeout = DefaultTimeoutSeconds;
        }

        if (!given.Contains("commandtimeout"))
        {
            builder.CommandTimeout = DefaultTimeoutSeconds;
        }

        return builder;
    }
}
