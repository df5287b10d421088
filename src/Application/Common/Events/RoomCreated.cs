using ChatPlatform.Application.Rooms.Common;

namespace ChatPlatform.Application.Common.Events;

public sealed record RoomCreated(RoomDto Room) : BusEvent;
