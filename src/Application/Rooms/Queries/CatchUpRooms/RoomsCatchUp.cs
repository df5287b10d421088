using ChatPlatform.Application.Rooms.Common;

namespace ChatPlatform.Application.Rooms.Queries.CatchUpRooms;

public sealed record RoomsCatchUp(IReadOnlyList<RoomMessage> Messages, IReadOnlyList<Guid> DeletedRoomIds, IReadOnlyList<RoomDto> CreatedRooms);
