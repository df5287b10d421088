using ChatPlatform.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ChatPlatform.WebApi.IntegrationTests.Support;

/// <summary>
/// The real application on real Kestrel (loopback, free port) over a real PostgreSQL database,
/// with a movable clock, captured logs and a mail pickup folder.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public const string SigningKey = "integration-tests-signing-key-0123456789abcdefghijklmnopqrstuvwxyz-0123456789";
    public const string Issuer = "ChatPlatform";
    public const string Audience = "ChatPlatform";

    private readonly Dictionary<string, string?> _settings;

    public ApiFactory(string connectionString, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        ConnectionString = connectionString;
        MailDirectory = Directory.CreateTempSubdirectory("chatplatform-test-mail-").FullName;
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = connectionString,
            ["Jwt:SigningKey"] = SigningKey,
            ["RateLimiting:Login:PermitLimit"] = "100000",
            ["RateLimiting:Register:PermitLimit"] = "100000",
            ["RateLimiting:Messages:PermitLimit"] = "100000",
            ["RateLimiting:Rooms:PermitLimit"] = "100000",
            ["RateLimiting:Email:PermitLimit"] = "100000",
            ["Chat:MaxConnectionsPerUser"] = "1000",
            ["Email:PickupDirectory"] = MailDirectory,
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel(0);
    }

    public string ConnectionString { get; }
    public string MailDirectory { get; }
    public MovableClock Clock { get; } = new();
    public LogCapture Logs { get; } = new();
    public string Environment { get; init; } = "Testing";

    /// <summary>Test-only services added after the application's own (an interceptor that holds a save, say).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        }
    }

    public HttpClient CreateApiClient() =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = ServerAddress };

    /// <summary>Empties every table, seeds again as at start-up, and puts the clock back.</summary>
    public async Task ResetAsync()
    {
        Clock.Reset();
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                """
                DO $$ BEGIN
                  EXECUTE (SELECT 'TRUNCATE ' || string_agg(format('%I', tablename), ', ') || ' CASCADE'
                           FROM pg_tables WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory');
                END $$;
                """,
                connection);

            // The previous test's last events (a hub leaving its rooms, a presence heartbeat) may still
            // hold row locks the TRUNCATE collides with; PostgreSQL then picks one side as the deadlock victim.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await command.ExecuteNonQueryAsync();
                    break;
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
                {
                }
            }
        }

        var initialiser = Services.GetServices<IHostedService>().OfType<DatabaseInitialiser>().Single();
        await initialiser.InitialiseAsync(CancellationToken.None);
        foreach (var file in Directory.GetFiles(MailDirectory))
        {
            File.Delete(file);
        }

        Logs.Clear();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ILoggerProvider>(Logs);
            TestServices?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(MailDirectory))
        {
            Directory.Delete(MailDirectory, recursive: true);
        }
    }
}
