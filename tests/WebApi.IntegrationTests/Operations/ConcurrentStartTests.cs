using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Operations;

/// <summary>Instances started together on an empty database migrate it once between them (compose's cluster does this).</summary>
public sealed class ConcurrentStartTests
{
    [Test]
    public async Task Three_instances_started_together_on_an_empty_database_all_become_ready()
    {
        var connectionString = await TestRun.Postgres.CreateDatabaseAsync();
        var instances = Enumerable.Range(0, 3).Select(_ => new ApiFactory(connectionString)).ToList();
        try
        {
            await Task.WhenAll(instances.Select(instance => Task.Run(instance.StartServer)));

            foreach (var instance in instances)
            {
                using var api = new Api(instance.CreateApiClient());
                Assert.That((int)(await api.GetAsync("/health/ready")).StatusCode, Is.EqualTo(200));
            }
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }
}
