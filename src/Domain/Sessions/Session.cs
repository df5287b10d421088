namespace ChatPlatform.Domain.Sessions;

/// <summary>
/// One login: the family of refresh tokens rotated from it and every access token carrying
/// its id as <c>sid</c>. It ends at a fixed time however often it is refreshed.
/// </summary>
public sealed class Session
{
    private Session()
    {
    }

    public const int UserAgentMaxLength = 512;

    /// <summary>The longest textual IP address (an IPv4-mapped IPv6 address).</summary>
    public const int IpAddressMaxLength = 45;

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The last login or refresh: only those touch a session, never an ordinary request.</summary>
    public DateTimeOffset LastUsedAt { get; private set; }

    /// <summary>The client's User-Agent at login, cut to <see cref="UserAgentMaxLength"/> characters.</summary>
    public string? UserAgent { get; private set; }

    public string? IpAddress { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedReason { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public static Session Start(Guid userId, DateTimeOffset now, TimeSpan lifetime, string? userAgent = null, string? ipAddress = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserId = userId,
        CreatedAt = now,
        LastUsedAt = now,
        ExpiresAt = now + lifetime,
        UserAgent = Bound(userAgent, UserAgentMaxLength),
        IpAddress = Bound(ipAddress, IpAddressMaxLength),
    };

    /// <summary>A refresh used the session.</summary>
    public void Touch(DateTimeOffset now)
    {
        if (now > LastUsedAt)
        {
            LastUsedAt = now;
        }
    }

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    public void Revoke(DateTimeOffset now, string reason)
    {
        if (IsRevoked)
        {
            return;
        }

        RevokedAt = now;
        RevokedReason = reason;
    }

    private static string? Bound(string? value, int maxLength) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= maxLength ? value : value[..maxLength];
}
