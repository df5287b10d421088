using System.Text.Json;

namespace ChatPlatform.WebApi.IntegrationTests.Support;

/// <summary>Base of tests across two instances: each test starts from a clean database, with a client and hub helpers per instance.</summary>
public abstract class ClusterTest
{
    private readonly List<HubClient> _hubs = [];
    private Api? _a;
    private Api? _b;

    protected static Cluster Cluster => TestRun.Cluster;
    protected Api A => _a ?? throw new InvalidOperationException("SetUp has not run.");
    protected Api B => _b ?? throw new InvalidOperationException("SetUp has not run.");

    [OneTimeSetUp]
    public Task StartClusterAsync() => TestRun.EnsureClusterAsync();

    [SetUp]
    public async Task ResetClusterAsync()
    {
        await Cluster.A.ResetAsync();
        _a = new Api(Cluster.A.CreateApiClient());
        _b = new Api(Cluster.B.CreateApiClient());
    }

    [TearDown]
    public async Task DisconnectAsync()
    {
        foreach (var hub in _hubs)
        {
            await hub.DisposeAsync();
        }

        _hubs.Clear();
        _a?.Dispose();
        _b?.Dispose();
    }

    protected async Task<HubClient> ConnectAsync(ApiFactory instance, string accessToken)
    {
        var hub = await HubClient.ConnectAsync(instance.ServerAddress, accessToken);
        _hubs.Add(hub);
        return hub;
    }

    protected async Task<TokenPair> RegisterAdminAsync(string username)
    {
        await A.RegisterAsync(username);
        await Cluster.GrantRoleAsync(username, "admin");
        return await A.LoginAsync(username);
    }

    protected async Task<JsonElement> CreateRoomAsync(Api api, string accessToken, string name) =>
        await (await api.PostAsync("/api/rooms", new { name, description = (string?)null }, accessToken)).ShouldHaveStatus(201);
}
