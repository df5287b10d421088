namespace ChatPlatform.WebApi.Hubs;

/// <summary>
/// Who is in which room on this instance, by connection. A user counts as online in a room
/// while at least one of their connections has joined it.
/// </summary>
internal sealed class ChatPresence
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RoomMembers> _rooms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _connections = new(StringComparer.Ordinal);

    /// <summary>Adds the connection; returns whether the user just came online and the room's online users.</summary>
    public (bool FirstForUser, IReadOnlyList<string> Online) Join(string roomKey, string room, string connectionId, string userName)
    {
        lock (_gate)
        {
            if (!_rooms.TryGetValue(roomKey, out var members))
            {
                _rooms[roomKey] = members = new RoomMembers(room);
            }

            var first = !members.Connections.ContainsValue(userName);
            members.Connections[connectionId] = userName;
            if (!_connections.TryGetValue(connectionId, out var rooms))
            {
                _connections[connectionId] = rooms = new HashSet<string>(StringComparer.Ordinal);
            }

            rooms.Add(roomKey);
            var online = members.Connections.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            return (first, online);
        }
    }

    /// <summary>The room's name when the connection has joined it, otherwise null.</summary>
    public string? NameIfIn(string roomKey, string connectionId)
    {
        lock (_gate)
        {
            return _rooms.TryGetValue(roomKey, out var members) && members.Connections.ContainsKey(connectionId) ? members.Room : null;
        }
    }

    /// <summary>Removes the connection; returns a departure when the user's last connection in the room left.</summary>
    public RoomDeparture? Leave(string roomKey, string connectionId)
    {
        lock (_gate)
        {
            _connections.GetValueOrDefault(connectionId)?.Remove(roomKey);
            return RemoveMember(roomKey, connectionId);
        }
    }

    /// <summary>Removes the connection from every room; returns the rooms where its user went offline.</summary>
    public IReadOnlyList<RoomDeparture> LeaveAll(string connectionId)
    {
        lock (_gate)
        {
            if (!_connections.Remove(connectionId, out var rooms))
            {
                return [];
            }

            return rooms.Select(roomKey => RemoveMember(roomKey, connectionId)).OfType<RoomDeparture>().ToList();
        }
    }

    /// <summary>Forgets a deleted room; returns the connections that were in it.</summary>
    public IReadOnlyList<string> RemoveRoom(string roomKey)
    {
        lock (_gate)
        {
            if (!_rooms.Remove(roomKey, out var members))
            {
                return [];
            }

            foreach (var connectionId in members.Connections.Keys)
            {
                _connections.GetValueOrDefault(connectionId)?.Remove(roomKey);
            }

            return members.Connections.Keys.ToList();
        }
    }

    private RoomDeparture? RemoveMember(string roomKey, string connectionId)
    {
        if (!_rooms.TryGetValue(roomKey, out var members) || !members.Connections.Remove(connectionId, out var userName))
        {
            return null;
        }

        if (members.Connections.Count == 0)
        {
            _rooms.Remove(roomKey);
        }

        return members.Connections.ContainsValue(userName) ? null : new RoomDeparture(roomKey, members.Room, userName);
    }

    private sealed record RoomMembers(string Room)
    {
        public Dictionary<string, string> Connections { get; } = new(StringComparer.Ordinal);
    }
}
