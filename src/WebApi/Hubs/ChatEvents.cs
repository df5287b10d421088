namespace ChatPlatform.WebApi.Hubs;

/// <summary>The names of the server-to-client events.</summary>
internal static class ChatEvents
{
    public const string ReceiveMessage = "ReceiveMessage";
    public const string MessageDeleted = "MessageDeleted";
    public const string UserJoined = "UserJoined";
    public const string UserLeft = "UserLeft";
    public const string UserTyping = "UserTyping";
    public const string RoomDeleted = "RoomDeleted";
    public const string RoomCreated = "RoomCreated";
}
