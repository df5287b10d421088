namespace ChatPlatform.Infrastructure.Audit;

/// <summary>Configuration section <c>Audit</c>.</summary>
public sealed class AuditSettings
{
    public const string SectionName = "Audit";

    /// <summary>How long events are kept before the maintenance purge deletes them.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(365);
}
