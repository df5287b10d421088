namespace ChatPlatform.BareChatHub;

public sealed record RoomJoined(string Room, IReadOnlyList<string> Online);
