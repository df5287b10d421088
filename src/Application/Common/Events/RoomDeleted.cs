namespace ChatPlatform.Application.Common.Events;

public sealed record RoomDeleted(Guid RoomId, string Room) : BusEvent;
