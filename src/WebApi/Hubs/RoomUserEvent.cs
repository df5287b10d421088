namespace ChatPlatform.WebApi.Hubs;

/// <summary>Payload of <c>UserJoined</c>, <c>UserLeft</c> and <c>UserTyping</c>.</summary>
public sealed record RoomUserEvent(string Room, string Username);
