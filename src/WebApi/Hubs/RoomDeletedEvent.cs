namespace ChatPlatform.WebApi.Hubs;

public sealed record RoomDeletedEvent(string Room);
