namespace ChatPlatform.Application.Common.Events;

/// <summary>A user is typing; <see cref="ConnectionId"/> is the typing connection, which is not told.</summary>
public sealed record UserTypingInRoom(string Room, string Username, string ConnectionId) : BusEvent;
