using Microsoft.Extensions.Configuration;
using Npgsql;

namespace ChatPlatform.WebApi.IntegrationTests.Security;

public sealed class ConnectionPoolTests
{
    private static NpgsqlConnectionStringBuilder Effective(string connectionString) =>
        new(global::ChatPlatform.Infrastructure.DependencyInjection.ConnectionString(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = connectionString })
            .Build()));

    [Test]
    public void The_connection_pool_is_bounded_when_the_connection_string_does_not_say()
    {
        Assert.That(Effective("Host=db;Database=chat;Username=app").MaxPoolSize, Is.EqualTo(global::ChatPlatform.Infrastructure.DependencyInjection.DefaultMaxPoolSize));
    }

    [TestCase("Host=db;Username=app;Maximum Pool Size=7")]
    [TestCase("Host=db;Username=app;maxpoolsize=7")]
    public void A_pool_size_in_the_connection_string_wins(string connectionString)
    {
        Assert.That(Effective(connectionString).MaxPoolSize, Is.EqualTo(7));
    }
}
