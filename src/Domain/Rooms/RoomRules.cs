namespace ChatPlatform.Domain.Rooms;

/// <summary>The shape of a room, shared by the domain and request validation.</summary>
public static class RoomRules
{
    public const int NameMaxLength = 64;
    public const int DescriptionMaxLength = 500;
    public const string NamePattern = @"^[A-Za-z0-9_-]+\z";
}
