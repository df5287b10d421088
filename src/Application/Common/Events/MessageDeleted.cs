namespace ChatPlatform.Application.Common.Events;

public sealed record MessageDeleted(string Room, Guid MessageId) : BusEvent;
