namespace ChatPlatform.BareChatHub;

public sealed record RoomMessage(Guid Id, string Room, long Sequence, string Username, string Content, DateTimeOffset SentAt);
