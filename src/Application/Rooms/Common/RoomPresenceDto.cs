namespace ChatPlatform.Application.Rooms.Common;

/// <summary>What <c>JoinRoom</c> answers: the room and the users online in it on any instance.</summary>
public sealed record RoomPresenceDto(string Room, IReadOnlyList<string> Online);
