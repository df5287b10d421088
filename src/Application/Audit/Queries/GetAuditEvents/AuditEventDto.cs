namespace ChatPlatform.Application.Audit.Queries.GetAuditEvents;

/// <summary>An audit event as the API shows it; <see cref="Actor"/> and <see cref="Subject"/> are usernames.</summary>
public sealed record AuditEventDto(
    Guid Id,
    string Type,
    DateTimeOffset At,
    string? Actor,
    string? Subject,
    string? IpAddress,
    IReadOnlyDictionary<string, string> Details);
