using ChatPlatform.Application.Common.Events;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Rooms.Common;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ChatPlatform.Infrastructure.Chat;

/// <summary>
/// Presence in the <c>room_presence</c> table, shared by every instance, with this instance's
/// own rows also kept in memory: they serve its hub bookkeeping, and they are written back
/// after the bus reconnects, in case the database lost them (it is an unlogged table) or
/// another instance took this one for dead meanwhile.
/// </summary>
internal sealed class RoomPresenceStore(NpgsqlDataSource database, ApiInstance instance, IOptions<PresenceSettings> settings)
    : IRoomPresence, IBusEventHandler
{
    /// <summary>Rows of an instance whose heartbeat is older than the timeout do not count.</summary>
    public const string Live = """
        NOT EXISTS (SELECT 1 FROM api_instances i WHERE i."Id" = p."InstanceId" AND i."SeenAt" < now() - $5::interval)
        """;

    private const string Join = $"""
        WITH joined AS (
            INSERT INTO room_presence ("ConnectionId", "RoomId", "InstanceId", "UserName") VALUES ($1, $2, $3, $4)
            ON CONFLICT ("ConnectionId", "RoomId") DO NOTHING)
        SELECT DISTINCT p."UserName" FROM room_presence p WHERE p."RoomId" = $2 AND {Live}
        """;

    private const string Leave = $"""
        WITH gone AS (
            DELETE FROM room_presence WHERE "ConnectionId" = $1 AND "RoomId" = $2 RETURNING 1)
        SELECT EXISTS (SELECT 1 FROM gone)
           AND NOT EXISTS (SELECT 1 FROM room_presence p
                           WHERE p."RoomId" = $2 AND p."UserName" = $4 AND p."ConnectionId" <> $1 AND {Live})
        """;

    /// <summary>Makes this instance's rows what it holds in memory: after an outage some may be missing, some stale.</summary>
    private const string Reconcile = """
        WITH mine AS (
            SELECT * FROM unnest($1::text[], $2::uuid[], $4::text[]) AS m(connection_id, room_id, user_name)),
        stale AS (
            DELETE FROM room_presence p
            WHERE p."InstanceId" = $3
              AND NOT EXISTS (SELECT 1 FROM mine WHERE mine.connection_id = p."ConnectionId" AND mine.room_id = p."RoomId"))
        INSERT INTO room_presence ("ConnectionId", "RoomId", "InstanceId", "UserName")
        SELECT mine.connection_id, mine.room_id, $3, mine.user_name
        FROM mine JOIN rooms r ON r."Id" = mine.room_id
        ON CONFLICT ("ConnectionId", "RoomId") DO NOTHING
        """;

    private const string RemoveRoom = """DELETE FROM room_presence WHERE "RoomId" = $1 AND "InstanceId" = $2""";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<Guid, RoomMember>> _byConnection = new(StringComparer.Ordinal);

    public async Task<RoomJoin> JoinAsync(RoomMember member, CancellationToken cancellationToken)
    {
        await using var command = Command(Join, member);
        var online = new SortedSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                online.Add(reader.GetString(0));
            }
        }

        var first = !online.Contains(member.Username);
        online.Add(member.Username);
        lock (_gate)
        {
            if (!_byConnection.TryGetValue(member.ConnectionId, out var rooms))
            {
                _byConnection[member.ConnectionId] = rooms = [];
            }

            rooms[member.RoomId] = member;
        }

        return new RoomJoin(first, online.ToList());
    }

    public async Task<bool> LeaveAsync(RoomMember member, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_byConnection.TryGetValue(member.ConnectionId, out var rooms) && rooms.Remove(member.RoomId) && rooms.Count == 0)
            {
                _byConnection.Remove(member.ConnectionId);
            }
        }

        await using var command = Command(Leave, member);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    public IReadOnlyList<RoomMember> LocalMembers()
    {
        lock (_gate)
        {
            return _byConnection.Values.SelectMany(rooms => rooms.Values).ToList();
        }
    }

    public IReadOnlyList<RoomMember> RoomsOf(string connectionId)
    {
        lock (_gate)
        {
            return _byConnection.TryGetValue(connectionId, out var rooms) ? rooms.Values.ToList() : [];
        }
    }

    public async Task<IReadOnlyList<string>> RemoveRoomAsync(Guid roomId, CancellationToken cancellationToken)
    {
        List<string> connections;
        lock (_gate)
        {
            connections = _byConnection.Where(c => c.Value.Remove(roomId)).Select(c => c.Key).ToList();
            foreach (var connectionId in connections.Where(c => _byConnection[c].Count == 0))
            {
                _byConnection.Remove(connectionId);
            }
        }

        await using var command = database.CreateCommand(RemoveRoom);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = roomId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = instance.Id });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connections;
    }

    public Task HandleAsync(BusEvent busEvent, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task CatchUpAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var members = LocalMembers();
        await using var command = database.CreateCommand(Reconcile);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = members.Select(m => m.ConnectionId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = members.Select(m => m.RoomId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = instance.Id });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = members.Select(m => m.Username).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private NpgsqlCommand Command(string sql, RoomMember member)
    {
        var command = database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = member.ConnectionId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = member.RoomId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = instance.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = member.Username });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = settings.Value.Timeout });
        return command;
    }
}
