using DotNet.Testcontainers.Builders;
using Npgsql;
using Testcontainers.PostgreSql;

namespace ChatPlatform.WebApi.IntegrationTests.Support;

/// <summary>
/// The PostgreSQL server of a test run, from the first source that is there:
/// <list type="number">
/// <item><c>TEST_POSTGRES</c>, a connection string to a server you run (each test database is created and dropped on it);</item>
/// <item>a container started by Testcontainers when a Docker engine answers, from <c>TEST_POSTGRES_IMAGE</c>
/// (default <c>postgres:16-alpine</c>); set <c>TEST_POSTGRES_SOURCE=local</c> to skip this;</item>
/// <item>a throwaway server from the machine's PostgreSQL binaries in a temporary folder.</item>
/// </list>
/// The source used is printed in the test output.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string ExternalVariable = "TEST_POSTGRES";
    public const string ImageVariable = "TEST_POSTGRES_IMAGE";
    public const string SourceVariable = "TEST_POSTGRES_SOURCE";
    public const string DefaultImage = "postgres:16-alpine";

    // Durability is not what these servers are for; the tests open many connections at once.
    private static readonly string[] ServerOptions =
        ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=300"];

    private readonly List<string> _databases = [];
    private readonly PostgreSqlContainer? _container;
    private readonly LocalPostgresCluster? _local;

    private PostgresServer(string adminConnectionString, string source, PostgreSqlContainer? container = null, LocalPostgresCluster? local = null)
    {
        AdminConnectionString = adminConnectionString;
        Source = source;
        _container = container;
        _local = local;
    }

    public string AdminConnectionString { get; }

    /// <summary>Where this server comes from, in words, as printed in the test output.</summary>
    public string Source { get; }

    public static async Task<PostgresServer> StartAsync()
    {
        var server = await StartFromFirstSourceAsync();
        await TestContext.Progress.WriteLineAsync($"PostgreSQL for the integration tests: {server.Source}");
        return server;
    }

    /// <summary>
    /// A server of its own from the machine's binaries, whatever the run uses, for a test that stops
    /// and starts the database (<see cref="StopAsync"/>, <see cref="StartAgainAsync"/>).
    /// </summary>
    public static async Task<PostgresServer> StartLocalAsync(int maxConnections = 300)
    {
        var local = await LocalPostgresCluster.StartAsync(maxConnections);
        return new PostgresServer(LocalConnectionString(local), $"local binaries, port {local.Port}", local: local);
    }

    /// <summary>Stops a server from <see cref="StartLocalAsync"/>; its data stays for <see cref="StartAgainAsync"/>.</summary>
    public Task StopAsync() => LocalCluster.StopAsync();

    /// <summary>Starts a stopped server from <see cref="StartLocalAsync"/> again, on the same port with the same data.</summary>
    public Task StartAgainAsync() => LocalCluster.StartAgainAsync();

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "chatplatform_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true, MaxPoolSize = 50 }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
        else if (_local is not null)
        {
            await _local.DeleteAsync();
        }
        else
        {
            await DropDatabasesAsync();
        }
    }

    private LocalPostgresCluster LocalCluster =>
        _local ?? throw new InvalidOperationException("Only a server from StartLocalAsync can be stopped and started.");

    private static async Task<PostgresServer> StartFromFirstSourceAsync()
    {
        if (Environment.GetEnvironmentVariable(ExternalVariable) is { Length: > 0 } external)
        {
            return new PostgresServer(external, $"{ExternalVariable} (host {new NpgsqlConnectionStringBuilder(external).Host})");
        }

        if (!string.Equals(Environment.GetEnvironmentVariable(SourceVariable), "local", StringComparison.OrdinalIgnoreCase)
            && await TryStartContainerAsync() is { } containerServer)
        {
            return containerServer;
        }

        var local = await LocalPostgresCluster.StartAsync();
        return new PostgresServer(LocalConnectionString(local), $"local binaries (throwaway server on port {local.Port})", local: local);
    }

    /// <summary>Null when no Docker engine answers; a container that fails to start on an engine that answers is an error.</summary>
    private static async Task<PostgresServer?> TryStartContainerAsync()
    {
        var image = Environment.GetEnvironmentVariable(ImageVariable) is { Length: > 0 } configured ? configured : DefaultImage;
        PostgreSqlContainer container;
        try
        {
            container = new PostgreSqlBuilder(image).WithCommand(ServerOptions).Build();
        }
        catch (DockerUnavailableException e)
        {
            await TestContext.Progress.WriteLineAsync($"No Docker engine answered ({e.Message.Split('\n')[0]}); using local binaries.");
            return null;
        }

        try
        {
            await container.StartAsync();
        }
        catch (Exception e)
        {
            await container.DisposeAsync();
            throw new InvalidOperationException(
                $"A Docker engine answered but the PostgreSQL container ({image}) did not start. Without a registry, build a local " +
                $"image (scripts/docker/build-images.sh) and set {ImageVariable}; on Docker before 25 set DOCKER_API_VERSION=1.41; " +
                $"where the Ryuk image cannot be pulled set TESTCONTAINERS_RYUK_DISABLED=true; or set {SourceVariable}=local.",
                e);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(container.GetConnectionString()) { Pooling = false }.ConnectionString;
        return new PostgresServer(connectionString, $"Testcontainers ({image}, container {container.Id[..12]})", container: container);
    }

    private static string LocalConnectionString(LocalPostgresCluster local) =>
        $"Host=127.0.0.1;Port={local.Port};Username=postgres;Database=postgres;Pooling=false";

    private async Task DropDatabasesAsync()
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        foreach (var name in _databases)
        {
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
