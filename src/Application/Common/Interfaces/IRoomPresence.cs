using ChatPlatform.Application.Rooms.Common;

namespace ChatPlatform.Application.Common.Interfaces;

/// <summary>
/// Who is in which room, across every instance sharing the database. A user is online in a room
/// while at least one of their connections, on a live instance, has joined it; the members of an
/// instance that stopped answering leave within a minute.
/// </summary>
public interface IRoomPresence
{
    /// <summary>Records the connection in the room; returns whether its user just came online there, and who is online.</summary>
    Task<RoomJoin> JoinAsync(RoomMember member, CancellationToken cancellationToken);

    /// <summary>Removes the connection from the room; true when that was its user's last connection there.</summary>
    Task<bool> LeaveAsync(RoomMember member, CancellationToken cancellationToken);

    /// <summary>Every membership of this instance's connections.</summary>
    IReadOnlyList<RoomMember> LocalMembers();

    /// <summary>The rooms this instance's connection has joined.</summary>
    IReadOnlyList<RoomMember> RoomsOf(string connectionId);

    /// <summary>Forgets a deleted room's members on this instance; returns their connections.</summary>
    Task<IReadOnlyList<string>> RemoveRoomAsync(Guid roomId, CancellationToken cancellationToken);
}
