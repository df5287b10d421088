namespace ChatPlatform.Application.Rooms.Common;

public sealed record RoomJoin(bool FirstForUser, IReadOnlyList<string> Online);
