namespace ChatPlatform.Application.Rooms.Common;

public sealed record KnownRoom(Guid Id, string Name);
