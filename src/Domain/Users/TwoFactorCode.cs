namespace ChatPlatform.Domain.Users;

/// <summary>
/// An emailed one-time code, stored only as a hash. A login code is also bound to an opaque
/// challenge token (stored hashed) that the client presents with the code.
/// </summary>
public sealed class TwoFactorCode
{
    /// <summary>Tries a code may take, right or wrong; past them it is dead, so guessing six digits stays hopeless.</summary>
    public const int MaxAttempts = 5;

    private TwoFactorCode()
    {
        CodeHash = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public TwoFactorPurpose Purpose { get; private set; }
    public string CodeHash { get; private set; }
    public string? ChallengeHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>Codes presented for it so far; counted atomically in the database before each comparison.</summary>
    public int Attempts { get; private set; }

    public static TwoFactorCode Issue(
        Guid id, Guid userId, TwoFactorPurpose purpose, string codeHash, string? challengeHash, DateTimeOffset now, TimeSpan lifetime) => new()
        {
            Id = id,
            UserId = userId,
            Purpose = purpose,
            CodeHash = codeHash,
            ChallengeHash = challengeHash,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && now < ExpiresAt && Attempts < MaxAttempts;
}
