namespace ChatPlatform.WebApi.Hubs;

/// <summary>Configuration section <c>Chat</c>.</summary>
public sealed class ChatSettings
{
    public const string SectionName = "Chat";

    /// <summary>Hub connections one user may hold open at once on an instance.</summary>
    public int MaxConnectionsPerUser { get; set; } = 20;
}
