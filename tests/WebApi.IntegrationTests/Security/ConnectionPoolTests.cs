using ChatPlatform.Infrastructure.Persistence;
using Npgsql;

namespace ChatPlatform.WebApi.IntegrationTests.Security;

/// <summary>The pool and timeouts are bounded unless the operator's connection string says otherwise, in any spelling.</summary>
public sealed class ConnectionPoolTests
{
    private static NpgsqlConnectionStringBuilder Effective(string connectionString)
    {
        using var pool = DatabaseConnection.CreatePool(connectionString);
        return new NpgsqlConnectionStringBuilder(pool.ConnectionString);
    }

    [Test]
    public void The_connection_pool_and_timeouts_are_bounded_when_the_connection_string_does_not_say()
    {
        var effective = Effective("Host=db;Database=chat;Username=app");

        Assert.Multiple(() =>
        {
            Assert.That(effective.MaxPoolSize, Is.EqualTo(DatabaseConnection.DefaultMaxPoolSize));
            Assert.That(effective.Timeout, Is.EqualTo(DatabaseConnection.DefaultTimeoutSeconds));
            Assert.That(effective.CommandTimeout, Is.EqualTo(DatabaseConnection.DefaultTimeoutSeconds));
        });
    }

    [TestCase("Host=db;Username=app;Maximum Pool Size=7;Timeout=9;Command Timeout=9")]
    [TestCase("Host=db;Username=app;maxpoolsize=7;timeout=9;CommandTimeout=9")]
    public void What_the_connection_string_says_wins(string connectionString)
    {
        var effective = Effective(connectionString);

        Assert.That((effective.MaxPoolSize, effective.Timeout, effective.CommandTimeout), Is.EqualTo((7, 9, 9)));
    }
}
