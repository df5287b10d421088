using ChatPlatform.Application.Messages.Common;

namespace ChatPlatform.Application.Rooms.Queries.CatchUpRooms;

public sealed record RoomMessage(Guid RoomId, MessageDto Message);
