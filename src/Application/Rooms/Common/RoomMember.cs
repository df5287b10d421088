namespace ChatPlatform.Application.Rooms.Common;

/// <summary>One hub connection's membership of one room.</summary>
public sealed record RoomMember(Guid RoomId, string Room, string ConnectionId, string Username);
