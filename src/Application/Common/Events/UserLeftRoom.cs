namespace ChatPlatform.Application.Common.Events;

/// <summary>A user's last connection in a room, on any instance, left it.</summary>
public sealed record UserLeftRoom(string Room, string Username) : BusEvent;
