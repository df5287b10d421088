namespace ChatPlatform.Domain.Audit;

/// <summary>
/// One security event: who did what to whom, from where. Usernames are kept as they were at the
/// time, so the record reads the same after a rename. It never holds a password, code or token.
/// </summary>
public sealed class AuditEvent
{
    public const int DetailMaxLength = 2000;

    private AuditEvent()
    {
        Type = string.Empty;
        Details = new Dictionary<string, string>();
    }

    public Guid Id { get; private set; }

    /// <summary>Insertion order, the key of newest-first paging (times can tie).</summary>
    public long Sequence { get; private set; }

    public string Type { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ActorId { get; private set; }
    public string? ActorName { get; private set; }
    public Guid? SubjectId { get; private set; }
    public string? SubjectName { get; private set; }
    public string? IpAddress { get; private set; }
    public IReadOnlyDictionary<string, string> Details { get; private set; }

    public static AuditEvent Record(
        string type,
        DateTimeOffset at,
        (Guid Id, string Name)? actor,
        (Guid Id, string Name)? subject,
        string? ipAddress,
        IReadOnlyDictionary<string, string>? details)
    {
        if (!AuditEventTypes.All.Contains(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "Not an audit event type.");
        }

        return new AuditEvent
        {
            Id = Guid.CreateVersion7(at),
            Type = type,
            At = at,
            ActorId = actor?.Id,
            ActorName = actor?.Name,
            SubjectId = subject?.Id,
            SubjectName = subject?.Name,
            IpAddress = ipAddress,
            Details = (details ?? new Dictionary<string, string>()).ToDictionary(
                d => d.Key, d => d.Value.Length <= DetailMaxLength ? d.Value : d.Value[..DetailMaxLength], StringComparer.Ordinal),
        };
    }
}
