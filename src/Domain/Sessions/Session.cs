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

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedReason { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public static Session Start(Guid userId, DateTimeOffset now, TimeSpan lifetime) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserId = userId,
        CreatedAt = now,
        ExpiresAt = now + lifetime,
    };

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
}
