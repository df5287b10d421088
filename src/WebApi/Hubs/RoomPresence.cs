namespace ChatPlatform.WebApi.Hubs;

/// <summary>What <c>JoinRoom</c> returns: the room's name and who is online in it.</summary>
public sealed record RoomPresence(string Room, IReadOnlyList<string> Online);
