using System.Collections.Concurrent;
using System.Threading.Channels;
using ChatPlatform.Application.Common.Events;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ChatPlatform.Infrastructure.Bus;

/// <summary>
/// This instance's end of the bus: one connection that LISTENs, and one loop that applies what
/// arrives, in commit order, through every <see cref="IBusEventHandler"/>. When the connection
/// is lost it reconnects by itself and, before anything newer, has the handlers read back from
/// the tables what the gap may have hidden.
/// </summary>
internal sealed class BusListener(
    BusConnection connection,
    NpgsqlDataSource database,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<BusListener> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Commits just before a drop may be delivered to no one: catch-up reads back this much further.</summary>
    private static readonly TimeSpan CatchUpMargin = TimeSpan.FromSeconds(30);

    private readonly Channel<Inbound> _inbox = Channel.CreateUnbounded<Inbound>(new() { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _expected = new();
    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IBusEventHandler[] _handlers = [];

    public void Expect(Guid eventId) => _expected.TryAdd(eventId, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Forget(Guid eventId) => _expected.TryRemove(eventId, out _);

    /// <summary>Waits until this instance has applied the events, or the timeout passed (then catch-up will apply them).</summary>
    public async Task WaitForAsync(IReadOnlyCollection<Guid> eventIds, TimeSpan timeout)
    {
        var waits = eventIds.Select(id => _expected.TryGetValue(id, out var applied) ? applied.Task : Task.CompletedTask);
        try
        {
            await Task.WhenAll(waits).WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("The bus did not deliver this instance's own events within {Timeout}; they apply after its catch-up", timeout);
        }
        finally
        {
            foreach (var id in eventIds)
            {
                Forget(id);
            }
        }
    }

    /// <summary>
    /// Starts listening before the state the handlers keep is loaded, so no change falls between
    /// the two; when the database is away, start-up goes on and the listener keeps trying.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _handlers = services.GetServices<IBusEventHandler>().ToArray();
        await base.StartAsync(cancellationToken);
        await _firstAttempt.Task.WaitAsync(StartTimeout, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var applying = Task.Run(() => ApplyAsync(stoppingToken), CancellationToken.None);
        await ListenAsync(stoppingToken);
        _inbox.Writer.TryComplete();
        await applying;
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset? lostAt = null;
        var backoff = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var listen = await connection.Source.OpenConnectionAsync(stoppingToken);
                listen.Notification += (_, e) => _inbox.Writer.TryWrite(new Inbound(e.Payload, null));
                await using (var command = new NpgsqlCommand($"LISTEN {BusPayload.Channel}", listen))
                {
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }

                if (lostAt is { } since)
                {
                    logger.LogInformation("Bus connection restored; catching up on what happened since {Since}", since);
                    database.Clear();
                    _inbox.Writer.TryWrite(new Inbound(null, since - CatchUpMargin));
                    lostAt = null;
                }

                _firstAttempt.TrySetResult();
                backoff = TimeSpan.FromMilliseconds(100);
                while (true)
                {
                    await listen.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (DatabaseOutage.Is(e) || e is NpgsqlException)
            {
                if (lostAt is null)
                {
                    lostAt = clock.GetUtcNow();
                    logger.LogWarning("Bus connection lost ({Reason}); reconnecting", e.Message);
                }

                _firstAttempt.TrySetResult();
            }

            try
            {
                await Task.Delay(backoff, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    private async Task ApplyAsync(CancellationToken stoppingToken)
    {
        await foreach (var inbound in _inbox.Reader.ReadAllAsync(CancellationToken.None))
        {
            if (inbound.CatchUpSince is { } since)
            {
                foreach (var handler in _handlers)
                {
                    await RunAsync(() => handler.CatchUpAsync(since, stoppingToken), handler, "catch-up");
                }

                continue;
            }

            if (await DecodeAsync(inbound.Payload!, stoppingToken) is not { } busEvent)
            {
                continue;
            }

            foreach (var handler in _handlers)
            {
                await RunAsync(() => handler.HandleAsync(busEvent, stoppingToken), handler, busEvent.GetType().Name);
            }

            if (_expected.TryGetValue(busEvent.Id, out var applied))
            {
                applied.TrySetResult();
            }
        }
    }

    private async Task<BusEvent?> DecodeAsync(string payload, CancellationToken cancellationToken)
    {
        try
        {
            var (busEvent, contentMissing) = BusPayload.Decode(payload);
            if (contentMissing && busEvent is MessageStored stored)
            {
                await using var command = database.CreateCommand("""SELECT "Content" FROM messages WHERE "Id" = $1""");
                command.Parameters.Add(new NpgsqlParameter { Value = stored.Message.Id });
                return await command.ExecuteScalarAsync(cancellationToken) is string content
                    ? stored with { Message = stored.Message with { Content = content } }
                    : null;
            }

            return busEvent;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Dropped a bus event that could not be read: {Reason}", e.Message);
            return null;
        }
    }

    private async Task RunAsync(Func<Task> apply, IBusEventHandler handler, string what)
    {
        try
        {
            await apply();
        }
        catch (Exception e) when (DatabaseOutage.Is(e) || e is Application.Common.Exceptions.UnavailableException)
        {
            logger.LogWarning("{Handler} could not apply {Event} while the database is unreachable: {Reason}", handler.GetType().Name, what, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "{Handler} failed to apply {Event}", handler.GetType().Name, what);
        }
    }

    private readonly record struct Inbound(string? Payload, DateTimeOffset? CatchUpSince);
}
