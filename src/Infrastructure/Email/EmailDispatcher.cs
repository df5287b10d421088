using ChatPlatform.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ChatPlatform.Infrastructure.Email;

/// <summary>
/// Drains the email outbox on every instance. Each pass locks a batch of due rows with
/// <c>FOR UPDATE SKIP LOCKED</c>, so instances sharing a database never send one row twice,
/// delivers them, and records the outcome in the same transaction: an instance that dies
/// mid-pass leaves its rows to be sent again (at least once, never lost). It looks when a
/// commit on this instance queued email, and otherwise every <see cref="PollInterval"/> (rows
/// of other instances, retries), with one indexed query that asks whether anything is due;
/// sent and abandoned rows are purged after <see cref="Retention"/>.
/// </summary>
internal sealed class EmailDispatcher(
    IServiceScopeFactory scopes,
    NpgsqlDataSource database,
    IEmailTransport transport,
    EmailDispatchSignal signal,
    DatabaseReadiness readiness,
    TimeProvider clock,
    ILogger<EmailDispatcher> logger) : BackgroundService
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private const int BatchSize = 20;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(10);

    /// <summary>Delivers the due rows of one batch; returns how many it tried.</summary>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        if (!await AnyDueAsync(cancellationToken))
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var due = await db.OutgoingEmails
            .FromSql($"""
                SELECT * FROM email_outbox
                WHERE "SentAt" IS NULL AND "FailedAt" IS NULL AND "NextAttemptAt" <= {now}
                ORDER BY "NextAttemptAt"
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);

        foreach (var email in due)
        {
            try
            {
                await transport.SendAsync(email.ToMessage(), cancellationToken);
                email.MarkSent(clock.GetUtcNow());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                email.RecordFailure(clock.GetUtcNow(), e.Message);
                if (email.FailedAt is null)
                {
                    logger.LogWarning("Email {EmailId} ({Subject}) could not be delivered (attempt {Attempt}): {Reason}; retrying at {NextAttemptAt}",
                        email.Id, email.Subject, email.Attempts, e.Message, email.NextAttemptAt);
                }
                else
                {
                    logger.LogError("Email {EmailId} ({Subject}) given up after {Attempts} attempts: {Reason}",
                        email.Id, email.Subject, email.Attempts, e.Message);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }

    /// <summary>The poll's usual answer is "nothing", from the partial index alone.</summary>
    private async Task<bool> AnyDueAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            """SELECT EXISTS (SELECT 1 FROM email_outbox WHERE "SentAt" IS NULL AND "FailedAt" IS NULL AND "NextAttemptAt" <= $1)""");
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var before = clock.GetUtcNow() - Retention;
        return await db.OutgoingEmails
            .Where(e => e.SentAt < before || e.FailedAt < before)
            .ExecuteDeleteAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextPurge = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                // Until the initialiser has migrated the database there may be no outbox table.
                if (!readiness.IsReady)
                {
                    await signal.WaitAsync(PollInterval, stoppingToken);
                    continue;
                }

                full = await DispatchAsync(stoppingToken) == BatchSize;
                if (clock.GetUtcNow() >= nextPurge)
                {
                    nextPurge = clock.GetUtcNow() + PurgeInterval;
                    if (await PurgeAsync(stoppingToken) is > 0 and var purged)
                    {
                        logger.LogInformation("Purged {Count} delivered or abandoned email(s) from the outbox", purged);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (DatabaseOutage.Is(e) || e is Application.Common.Exceptions.UnavailableException)
            {
                logger.LogWarning("The email outbox cannot be read while the database is unreachable: {Reason}", e.Message);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Draining the email outbox failed; will retry");
            }

            if (!full)
            {
                try
                {
                    await signal.WaitAsync(PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
