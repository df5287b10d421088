namespace ChatPlatform.Application.Common.Events;

/// <summary>A user came online in a room; <see cref="ConnectionId"/> is the joining connection, which is not told.</summary>
public sealed record UserJoinedRoom(string Room, string Username, string ConnectionId) : BusEvent;
