using System.Diagnostics;

namespace ChatPlatform.WebApi.IntegrationTests.Support;

/// <summary>
/// A PostgreSQL cluster from the machine's server binaries in a temporary folder, on a free
/// loopback port; it can be stopped and started again on the same port with the same data.
/// </summary>
internal sealed class LocalPostgresCluster
{
    private readonly string _bin;
    private readonly bool _asRoot = Environment.UserName == "root";

    private readonly int _maxConnections;

    private LocalPostgresCluster(string bin, string dataDirectory, int maxConnections)
    {
        _bin = bin;
        DataDirectory = dataDirectory;
        _maxConnections = maxConnections;
    }

    public string DataDirectory { get; }
    public int Port { get; private set; }

    public static async Task<LocalPostgresCluster> StartAsync(int maxConnections = 300)
    {
        var cluster = new LocalPostgresCluster(FindBinDirectory(), Directory.CreateTempSubdirectory("chatplatform-test-pg-").FullName, maxConnections);
        if (cluster._asRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", cluster.DataDirectory], asPostgres: false);
        }

        await RunAsync(
            Path.Combine(cluster._bin, "initdb"),
            ["-D", cluster.DataDirectory, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"],
            cluster._asRoot);

        var random = new Random();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            cluster.Port = 25000 + random.Next(0, 20000);
            if (await cluster.TryStartAsync())
            {
                return cluster;
            }
        }

        throw new InvalidOperationException($"Could not start PostgreSQL; see {cluster.DataDirectory}/server.log");
    }

    /// <summary>Starts the stopped cluster again, on the port it had.</summary>
    public async Task StartAgainAsync()
    {
        if (!await TryStartAsync())
        {
            throw new InvalidOperationException($"Could not restart PostgreSQL; see {DataDirectory}/server.log");
        }
    }

    /// <summary>Stops the server at once (fast shutdown: open sessions are ended).</summary>
    public Task StopAsync() => RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"], _asRoot);

    public async Task DeleteAsync()
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            await TryRunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"], _asRoot);
        }

        Directory.Delete(DataDirectory, recursive: true);
    }

    private Task<bool> TryStartAsync()
    {
        var options = $"-p {Port} -c listen_addresses=127.0.0.1 -k {DataDirectory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections={_maxConnections}";
        return TryRunAsync(
            Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-l", Path.Combine(DataDirectory, "server.log"), "-w", "-t", "30", "-o", options, "start"], _asRoot);
    }

    private static string FindBinDirectory()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
            : [];
        return candidates.OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).FirstOrDefault()
            ?? throw new InvalidOperationException(
                $"No Docker engine answered and PostgreSQL server binaries were not found under /usr/lib/postgresql (apt-get install postgresql), and {PostgresServer.ExternalVariable} is not set.");
    }

    private static async Task RunAsync(string file, string[] arguments, bool asPostgres)
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
