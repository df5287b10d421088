using ChatPlatform.WebApi.IntegrationTests;

namespace ChatPlatform.WebApi.IntegrationTests.Support;

/// <summary>Base of tests against the shared application: each test starts from a clean, freshly seeded database.</summary>
public abstract class ApiTest
{
    private Api? _api;

    protected static ApiFactory Factory => TestRun.Api;
    protected static MovableClock Clock => Factory.Clock;
    protected Api Api => _api ?? throw new InvalidOperationException("SetUp has not run.");

    [SetUp]
    public async Task ResetAsync()
    {
        await Factory.ResetAsync();
        _api = new Api(Factory.CreateApiClient());
    }

    [TearDown]
    public void DisposeClient() => _api?.Dispose();
}
