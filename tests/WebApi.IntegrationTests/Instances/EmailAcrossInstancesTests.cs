using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Instances;

/// <summary>Two instances drain one email outbox: each email is delivered once, by one of them.</summary>
public sealed class EmailAcrossInstancesTests : ClusterTest
{
    [Test]
    public async Task Every_queued_email_is_delivered_exactly_once_by_the_two_dispatchers()
    {
        const int count = 60;

        // Stored at once, so both instances' dispatchers find them due together.
        await Cluster.ScalarAsync<int>(
            """
            INSERT INTO email_outbox ("Id", "Recipient", "Subject", "Body", "CreatedAt", "NextAttemptAt", "Attempts")
            SELECT gen_random_uuid(), 'once-' || n || '@example.com', 'Exactly once', 'Hello', now(), now() - interval '1 minute', 0
            FROM generate_series(1, @count) AS n;
            SELECT 1;
            """,
            ("count", count));

        await Eventually.HoldsAsync(
            async () => await Cluster.ScalarAsync<long>("""SELECT count(*) FROM email_outbox WHERE "SentAt" IS NULL""") == 0,
            TimeSpan.FromSeconds(20),
            "every email is sent");

        var recipients = new List<string>();
        foreach (var path in Directory.GetFiles(Cluster.A.MailDirectory, "*.eml").Concat(Directory.GetFiles(Cluster.B.MailDirectory, "*.eml")))
        {
            var text = await File.ReadAllTextAsync(path);
            if (text.Contains("Subject: Exactly once\r\n", StringComparison.Ordinal))
            {
                recipients.Add(text.Split("\r\n").Single(line => line.StartsWith("To: ", StringComparison.Ordinal)));
                File.Delete(path);
            }
        }

        Assert.That(recipients, Has.Count.EqualTo(count).And.Unique);
        Assert.That(await Cluster.ScalarAsync<long>("""SELECT sum("Attempts") FROM email_outbox"""), Is.EqualTo(count));
    }
}
