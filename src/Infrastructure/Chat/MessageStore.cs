using System.Collections.Concurrent;
using ChatPlatform.Application.Common.Events;
using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Messages.Common;
using ChatPlatform.Domain.Messages;
using ChatPlatform.Infrastructure.Bus;
using ChatPlatform.Infrastructure.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace ChatPlatform.Infrastructure.Chat;

/// <summary>
/// Stores chat messages through one queue per room. Whatever waits in a room's queue is written
/// by one statement: it locks the room's row (so instances sharing the database commit a room's
/// messages in sequence order), inserts the batch in arrival order and sends each message's
/// event with <c>pg_notify</c>, all in one round trip and one commit. Nothing is broadcast here:
/// every instance, this one included, delivers from the bus. A full queue refuses at once
/// rather than letting senders wait without bound.
/// </summary>
internal sealed class MessageStore(NpgsqlDataSource database, IHostApplicationLifetime lifetime, ILogger<MessageStore> logger)
    : IMessageStore
{
    private const int MaxBatch = 500;
    private const int MaxWaitingPerRoom = 5000;

    private const string InsertBatch = $"""
        WITH room AS (
            SELECT "Id" FROM rooms WHERE "Id" = $1 FOR UPDATE),
        stored AS (
            INSERT INTO messages ("Id", "RoomId", "AuthorId", "Content", "SentAt")
            SELECT m.id, room."Id", m.author_id, m.content, m.sent_at
            FROM room, unnest($2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[]) WITH ORDINALITY AS m(id, author_id, content, sent_at, n)
            ORDER BY m.n
            RETURNING "Id", "Sequence")
        SELECT stored."Id", stored."Sequence",
               pg_notify('{BusPayload.Channel}', left(e.payload, 1) || stored."Sequence" || '|' || substr(e.payload, 2))
        FROM stored JOIN unnest($2::uuid[], $6::text[]) AS e(id, payload) ON e.id = stored."Id"
        ORDER BY stored."Sequence"
        """;

    private readonly ConcurrentDictionary<Guid, RoomQueue> _rooms = new();

    public Task<MessageDto> StoreAsync(Message message, string room, string username, CancellationToken cancellationToken)
    {
        var pending = new PendingMessage(message, new MessageDto(message.Id, room, 0, username, message.Content, message.SentAt));
        while (true)
        {
            var queue = _rooms.GetOrAdd(message.RoomId, Start);
            if (queue.TryAdd(pending, () => new UnavailableException("Too many messages are waiting for this room; retry shortly.")))
            {
                break;
            }

            _rooms.TryRemove(KeyValuePair.Create(message.RoomId, queue));
        }

        // A sender that goes away stops waiting; its message is stored and delivered all the same.
        return pending.Stored.Task.WaitAsync(cancellationToken);
    }

    private RoomQueue Start(Guid roomId)
    {
        var queue = new RoomQueue(MaxWaitingPerRoom);
        _ = Task.Run(
            async () =>
            {
                await queue.RunAsync(MaxBatch, batch => StoreBatchAsync(roomId, batch), lifetime.ApplicationStopping);
                _rooms.TryRemove(KeyValuePair.Create(roomId, queue));
            },
            CancellationToken.None);
        return queue;
    }

    private async Task StoreBatchAsync(Guid roomId, IReadOnlyList<PendingMessage> batch)
    {
        try
        {
            var sequences = await InsertAsync(roomId, batch);
            if (sequences.Count == 0)
            {
                Fail(batch, new NotFoundException("The room no longer exists."));
                return;
            }

            foreach (var pending in batch)
            {
                pending.Stored.TrySetResult(pending.Dto with { Sequence = sequences[pending.Message.Id] });
            }
        }
        catch (PostgresException e) when (batch.Count > 1 && e.SqlState.StartsWith("22", StringComparison.Ordinal))
        {
            // One message the database will not take must not fail the others: store them one by one.
            foreach (var pending in batch)
            {
                await StoreBatchAsync(roomId, [pending]);
            }
        }
        catch (Exception e) when (DatabaseOutage.Is(e))
        {
            logger.LogWarning("Could not store {Count} message(s) while the database is unreachable: {Reason}", batch.Count, e.Message);
            Fail(batch, DatabaseOutage.ToUnavailable(e));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Storing {Count} message(s) failed", batch.Count);
            Fail(batch, e);
        }
    }

    private async Task<Dictionary<Guid, long>> InsertAsync(Guid roomId, IReadOnlyList<PendingMessage> batch)
    {
        await using var command = database.CreateCommand(InsertBatch);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = roomId });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = batch.Select(p => p.Message.Id).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = batch.Select(p => p.Message.AuthorId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = batch.Select(p => p.Message.Content).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>
        {
            TypedValue = batch.Select(p => p.Message.SentAt).ToArray(),
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
        });
        command.Parameters.Add(new NpgsqlParameter<string[]>
        {
            TypedValue = batch.Select(p => BusPayload.EncodeStoredMessage(new MessageStored(roomId, p.Dto))).ToArray(),
        });

        var sequences = new Dictionary<Guid, long>(batch.Count);
        await using var reader = await command.ExecuteReaderAsync(CancellationToken.None);
        while (await reader.ReadAsync(CancellationToken.None))
        {
            sequences[reader.GetGuid(0)] = reader.GetInt64(1);
        }

        return sequences;
    }

    private static void Fail(IReadOnlyList<PendingMessage> batch, Exception exception)
    {
        foreach (var pending in batch)
        {
            pending.Stored.TrySetException(exception);
        }
    }
}
