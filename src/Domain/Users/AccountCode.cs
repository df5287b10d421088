namespace ChatPlatform.Domain.Users;

/// <summary>
/// An emailed single-use code that resets a password or confirms an email address, stored only
/// as a hash and bound to one user, one purpose and the address it was sent to. Only the user's
/// newest code of a purpose counts: sending another one kills the one before.
/// </summary>
public sealed class AccountCode
{
    /// <summary>Tries a code may take, right or wrong; past them it is dead until a new one is sent.</summary>
    public const int MaxAttempts = 5;

    private AccountCode()
    {
        CodeHash = string.Empty;
        Email = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public AccountCodePurpose Purpose { get; private set; }
    public string CodeHash { get; private set; }

    /// <summary>The address the code was sent to; it proves nothing about any other.</summary>
    public string Email { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>Codes presented for it so far; counted atomically in the database before each comparison.</summary>
    public int Attempts { get; private set; }

    public static AccountCode Issue(
        Guid id, Guid userId, AccountCodePurpose purpose, string codeHash, string email, DateTimeOffset now, TimeSpan lifetime) => new()
        {
            Id = id,
            UserId = userId,
            Purpose = purpose,
            CodeHash = codeHash,
            Email = email,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && now < ExpiresAt && Attempts < MaxAttempts;
}
