namespace ChatPlatform.WebApi.Hubs;

public sealed record MessageDeletedEvent(string Room, Guid Id);
