namespace ChatPlatform.Infrastructure.Chat;

/// <summary><c>Chat:Presence</c>: how often each instance says it is alive, and after how long without that its users count as gone.</summary>
public sealed class PresenceSettings
{
    public const string SectionName = "Chat:Presence";

    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>With the default heartbeat, users of a dead instance leave within Timeout + Heartbeat = 55 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(45);
}
