namespace ChatPlatform.WebApi.Hubs;

/// <summary>A user whose last connection left a room.</summary>
internal sealed record RoomDeparture(string RoomKey, string Room, string UserName);
