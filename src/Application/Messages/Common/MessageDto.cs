namespace ChatPlatform.Application.Messages.Common;

public sealed record MessageDto(Guid Id, string Room, string Username, string Content, DateTimeOffset SentAt);
