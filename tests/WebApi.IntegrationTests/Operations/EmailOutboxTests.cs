using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ChatPlatform.Infrastructure.Email;
using ChatPlatform.WebApi.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ChatPlatform.WebApi.IntegrationTests.Operations;

/// <summary>The email outbox: delivered after the commit, retried with a cap, emptied of codes once sent, purged later.</summary>
public sealed class EmailOutboxTests : ApiTest
{
    [Test]
    public async Task A_sent_email_keeps_no_body_and_is_purged_after_the_retention()
    {
        await Api.RegisterAsync("alice");
        await Mailbox.TakeCodeAsync("alice@example.com", subject: Mailbox.ConfirmSubject);
        await Eventually.HoldsAsync(
            async () => await Database.ScalarAsync<long>("""SELECT count(*) FROM email_outbox WHERE "SentAt" IS NOT NULL AND "Body" = ''""") == 1,
            Mailbox.Timeout,
            "the delivered row is marked sent and its body, which held the code, is erased");

        var dispatcher = Factory.Services.GetRequiredService<EmailDispatcher>();
        Assert.That(await dispatcher.PurgeAsync(CancellationToken.None), Is.EqualTo(0), "kept for the retention");
        Clock.Advance(EmailDispatcher.Retention + TimeSpan.FromMinutes(1));
        Assert.That(await dispatcher.PurgeAsync(CancellationToken.None), Is.EqualTo(1));
        Assert.That(await Database.ScalarAsync<long>("SELECT count(*) FROM email_outbox"), Is.EqualTo(0));
    }

    [Test]
    public async Task An_email_the_mail_server_refuses_is_retried_later_and_given_up_after_the_attempt_cap()
    {
        await using var factory = await TestRun.CreateApiAsync(new Dictionary<string, string?>
        {
            ["Email:PickupDirectory"] = "",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = ClosedPort().ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:EnableSsl"] = "false",
        });
        using var api = new Api(factory.CreateApiClient());
        var started = DateTime.UtcNow;

        // The request answers at once: the unreachable server is the dispatcher's problem, not the caller's.
        await api.RegisterAsync("alice");
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(5)));

        for (var attempt = 1; attempt <= OutgoingEmail.MaxAttempts; attempt++)
        {
            var expected = attempt;
            await Eventually.HoldsAsync(
                async () => await ScalarAsync<int>(factory, """SELECT "Attempts" FROM email_outbox""") == expected,
                Mailbox.Timeout,
                $"delivery attempt {expected}");
            if (attempt < OutgoingEmail.MaxAttempts)
            {
                Assert.That(await ScalarAsync<bool>(factory, """SELECT "NextAttemptAt" > now() AND "FailedAt" IS NULL FROM email_outbox"""), Is.True, "retried later, not at once");
                factory.Clock.Advance(TimeSpan.FromMinutes(11));
            }
        }

        await Eventually.HoldsAsync(
            async () => await ScalarAsync<bool>(factory, """SELECT "FailedAt" IS NOT NULL AND "Body" = '' AND "LastError" IS NOT NULL FROM email_outbox"""),
            Mailbox.Timeout,
            "given up after the cap, its code erased");
        factory.Clock.Advance(TimeSpan.FromHours(1));
        Assert.That(await ScalarAsync<int>(factory, """SELECT "Attempts" FROM email_outbox"""), Is.EqualTo(OutgoingEmail.MaxAttempts));
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task<T> ScalarAsync<T>(ApiFactory factory, string sql)
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
