namespace ChatPlatform.Infrastructure.Identity;

/// <summary>Configuration section <c>Identity:Lockout</c>.</summary>
public sealed class LockoutSettings
{
    public const string SectionName = "Identity:Lockout";

    public int MaxFailedAttempts { get; set; } = 5;
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(5);
}
