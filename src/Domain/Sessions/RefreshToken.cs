namespace ChatPlatform.Domain.Sessions;

/// <summary>
/// A single-use refresh token of a session. Only a hash of the token is kept: the token
/// itself exists in the client's hands alone.
/// </summary>
public sealed class RefreshToken
{
    private RefreshToken()
    {
        TokenHash = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid SessionId { get; private set; }
    public string TokenHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }

    public bool IsUsed => UsedAt is not null;

    /// <summary>Issues a token that never outlives its session.</summary>
    public static RefreshToken Issue(Session session, string tokenHash, DateTimeOffset now, TimeSpan lifetime)
    {
        var expiresAt = now + lifetime;
        return new RefreshToken
        {
            Id = Guid.CreateVersion7(now),
            SessionId = session.Id,
            TokenHash = tokenHash,
            CreatedAt = now,
            ExpiresAt = expiresAt < session.ExpiresAt ? expiresAt : session.ExpiresAt,
        };
    }

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;
}
