using System.Data.Common;
using ChatPlatform.Application.Common.Events;
using ChatPlatform.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace ChatPlatform.Infrastructure.Bus;

/// <summary>
/// The request's side of the bus. Enqueued events are sent with <c>pg_notify</c> inside the
/// transaction that commits the change, just before the commit, so PostgreSQL delivers them if
/// and only if it commits. A save outside any transaction gets one of its own when events wait.
/// After the commit the request waits (briefly) until this instance has applied its events from
/// the bus, so the caller's next request sees them.
/// </summary>
internal sealed class EventOutbox(NpgsqlDataSource database, BusListener listener)
    : IEventBus, IDbTransactionInterceptor, ISaveChangesInterceptor
{
    private static readonly TimeSpan OwnEventsTimeout = TimeSpan.FromSeconds(2);

    private readonly List<BusEvent> _pending = [];
    private readonly List<Guid> _sent = [];
    private IDbContextTransaction? _ownTransaction;

    public void Enqueue(BusEvent busEvent) => _pending.Add(busEvent);

    public async Task SendAsync(BusEvent busEvent, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT pg_notify($1, $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = BusPayload.Channel });
        command.Parameters.Add(new NpgsqlParameter { Value = BusPayload.Encode(busEvent) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (_pending.Count > 0 && eventData.Context!.Database.CurrentTransaction is null)
        {
            _ownTransaction = await eventData.Context.Database.BeginTransactionAsync(cancellationToken);
        }

        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (_ownTransaction is { } transaction)
        {
            _ownTransaction = null;
            await using (transaction)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        return result;
    }

    public async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (_ownTransaction is { } transaction)
        {
            _ownTransaction = null;
            await transaction.DisposeAsync();
        }
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (_pending.Count == 0)
        {
            return result;
        }

        await using var command = new NpgsqlCommand("SELECT pg_notify($1, payload) FROM unnest($2::text[]) WITH ORDINALITY AS p(payload, n) ORDER BY n")
        {
            Connection = (NpgsqlConnection)transaction.Connection!,
            Transaction = (NpgsqlTransaction)transaction,
        };
        command.Parameters.Add(new NpgsqlParameter { Value = BusPayload.Channel });
        command.Parameters.Add(new NpgsqlParameter { Value = _pending.Select(BusPayload.Encode).ToArray() });
        foreach (var busEvent in _pending)
        {
            listener.Expect(busEvent.Id);
            _sent.Add(busEvent.Id);
        }

        _pending.Clear();
        await command.ExecuteNonQueryAsync(cancellationToken);
        return result;
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (_sent.Count == 0)
        {
            return;
        }

        var sent = _sent.ToArray();
        _sent.Clear();

        // Not the request's token: the change is committed, and an aborted request cancelling this
        // wait would turn it into an exception after the fact and skip the use case's post-commit steps.
        await listener.WaitForAsync(sent, OwnEventsTimeout);
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget();
        return Task.CompletedTask;
    }

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget();
        return Task.CompletedTask;
    }

    private void Forget()
    {
        _pending.Clear();
        foreach (var id in _sent)
        {
            listener.Forget(id);
        }

        _sent.Clear();
    }
}
