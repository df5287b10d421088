using ChatPlatform.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChatPlatform.WebApi.IntegrationTests;

/// <summary>One PostgreSQL server and one shared application for the whole run.</summary>
[SetUpFixture]
public sealed class TestRun
{
    private static PostgresServer? _postgres;
    private static ApiFactory? _api;
    private static Cluster? _cluster;

    public static PostgresServer Postgres => _postgres ?? throw new InvalidOperationException("The test run has not started.");
    public static ApiFactory Api => _api ?? throw new InvalidOperationException("The test run has not started.");

    public static Cluster Cluster => _cluster ?? throw new InvalidOperationException("EnsureClusterAsync has not run.");

    /// <summary>Two instances on a database of their own, started for the first test class that needs them.</summary>
    public static async Task EnsureClusterAsync() => _cluster ??= await Cluster.StartAsync(await Postgres.CreateDatabaseAsync());

    /// <summary>A separate application with its own database and configuration overrides.</summary>
    public static async Task<ApiFactory> CreateApiAsync(
        IReadOnlyDictionary<string, string?>? overrides = null, string environment = "Testing", Action<IServiceCollection>? testServices = null)
    {
        var factory = new ApiFactory(await Postgres.CreateDatabaseAsync(), overrides) { Environment = environment, TestServices = testServices };
        factory.StartServer();
        return factory;
    }

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _postgres = await PostgresServer.StartAsync();
        _api = new ApiFactory(await _postgres.CreateDatabaseAsync());
        _api.StartServer();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
