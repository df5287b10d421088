using System.Diagnostics;
using Npgsql;

namespace ChatPlatform.WebApi.IntegrationTests.Support;

/// <summary>
/// A throwaway PostgreSQL server for one test run, started from the machine's server binaries
/// in a temporary folder and removed afterwards; or, when <c>TEST_POSTGRES</c> holds a connection
/// string, that server (each test database is then created and dropped on it).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string ExternalVariable = "TEST_POSTGRES";

    private readonly string? _dataDirectory;
    private readonly string? _binDirectory;
    private readonly List<string> _databases = [];

    private readonly string? _options;

    private PostgresServer(string adminConnectionString, string? dataDirectory, string? binDirectory, string? options = null)
    {
        AdminConnectionString = adminConnectionString;
        _dataDirectory = dataDirectory;
        _binDirectory = binDirectory;
        _options = options;
    }

    public string AdminConnectionString { get; }

    public static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(ExternalVariable) is { Length: > 0 } external)
        {
            return new PostgresServer(external, null, null);
        }

        return await StartLocalAsync();
    }

    /// <summary>A server of this test run's own from the machine's binaries, which a test may stop and start again.</summary>
    public static async Task<PostgresServer> StartLocalAsync(int maxConnections = 300)
    {
        var bin = FindBinDirectory();
        var data = Directory.CreateTempSubdirectory("chatplatform-test-pg-").FullName;
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", data]);
        }

        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"], asRoot);

        var random = new Random();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var port = 25000 + random.Next(0, 20000);
            var options = $"-p {port} -c listen_addresses=127.0.0.1 -k {data} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections={maxConnections}";
            var started = await TryRunAsync(
                Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(data, "server.log"), "-w", "-t", "30", "-o", options, "start"], asRoot);
            if (started)
            {
                return new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false", data, bin, options);
            }
        }

        throw new InvalidOperationException($"Could not start PostgreSQL; see {data}/server.log");
    }

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

    /// <summary>Stops a local server as an operator would (fast shutdown: clients are disconnected).</summary>
    public Task StopAsync() =>
        RunAsync(Path.Combine(LocalBin, "pg_ctl"), ["-D", _dataDirectory!, "-m", "fast", "-w", "stop"], Environment.UserName == "root");

    /// <summary>Starts a stopped local server again on the same port.</summary>
    public Task RestartAsync() =>
        RunAsync(
            Path.Combine(LocalBin, "pg_ctl"),
            ["-D", _dataDirectory!, "-l", Path.Combine(_dataDirectory!, "server.log"), "-w", "-t", "30", "-o", _options!, "start"],
            Environment.UserName == "root");

    private string LocalBin => _binDirectory ?? throw new InvalidOperationException("Only a local server can be stopped and started.");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_dataDirectory is null)
        {
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            foreach (var name in _databases)
            {
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
            }

            return;
        }

        await TryRunAsync(Path.Combine(_binDirectory!, "pg_ctl"), ["-D", _dataDirectory, "-m", "fast", "-w", "stop"], Environment.UserName == "root");
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private static string FindBinDirectory()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
            : [];
        return candidates.OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).FirstOrDefault()
            ?? throw new InvalidOperationException(
                $"PostgreSQL server binaries were not found under /usr/lib/postgresql (apt-get install postgresql), and {ExternalVariable} is not set.");
    }

    private static async Task RunAsync(string file, string[] arguments, bool asPostgres = false)
    {
        if (!await TryRunAsync(file, arguments, asPostgres))
        {
            throw new InvalidOperationException($"'{file} {string.Join(' ', arguments)}' failed.");
        }
    }

    private static async Task<bool> TryRunAsync(string file, string[] arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await Task.WhenAll(output, error);
        if (process.ExitCode != 0)
        {
            await TestContext.Progress.WriteLineAsync($"{file} exited {process.ExitCode}: {await error}");
        }

        return process.ExitCode == 0;
    }
}
