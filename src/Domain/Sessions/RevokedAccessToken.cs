namespace ChatPlatform.Domain.Sessions;

/// <summary>An access token refused before its natural expiry, remembered until then.</summary>
public sealed class RevokedAccessToken
{
    private RevokedAccessToken()
    {
        Jti = string.Empty;
    }

    public string Jti { get; private set; }
    public Guid UserId { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }

    public static RevokedAccessToken For(string jti, Guid userId, DateTimeOffset expiresAt) =>
        new() { Jti = jti, UserId = userId, ExpiresAt = expiresAt };
}
