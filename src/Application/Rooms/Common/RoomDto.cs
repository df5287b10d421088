namespace ChatPlatform.Application.Rooms.Common;

public sealed record RoomDto(Guid Id, string Name, string? Description, string CreatedBy, DateTimeOffset CreatedAt);
