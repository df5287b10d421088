using ChatPlatform.Domain.Roles;

namespace ChatPlatform.Domain.Users;

/// <summary>
/// A person who can sign in. Every change goes through this type's methods, the identity
/// store's (names, hash, stamp, lockout) included, so its rules hold whoever calls: a new email
/// address is unconfirmed until confirmed.
/// </summary>
public sealed class User
{
    private readonly List<Role> _roles = [];

    private User()
    {
        UserName = string.Empty;
        NormalizedUserName = string.Empty;
        Email = string.Empty;
        NormalizedEmail = string.Empty;
        SecurityStamp = string.Empty;
    }

    public Guid Id { get; private set; }
    public string UserName { get; private set; }
    public string NormalizedUserName { get; private set; }
    public string Email { get; private set; }
    public string NormalizedEmail { get; private set; }
    public bool EmailConfirmed { get; private set; }
    public string? FirstName { get; private set; }
    public string? LastName { get; private set; }
    public string? PasswordHash { get; private set; }
    public string SecurityStamp { get; private set; }
    public bool TwoFactorEnabled { get; private set; }
    public bool LockoutEnabled { get; private set; }
    public DateTimeOffset? LockoutEnd { get; private set; }
    public int AccessFailedCount { get; private set; }

    /// <summary>Locked by an administrator until unlocked; unlike Identity lockout, it never ends by itself.</summary>
    public bool IsLocked { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyCollection<Role> Roles => _roles;

    public static User Create(string userName, string email, string? firstName, string? lastName, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserName = userName,
        Email = email,
        FirstName = TrimmedOrNull(firstName),
        LastName = TrimmedOrNull(lastName),
        LockoutEnabled = true,
        CreatedAt = now,
    };

    public void ChangeName(string? firstName, string? lastName)
    {
        FirstName = TrimmedOrNull(firstName);
        LastName = TrimmedOrNull(lastName);
    }

    public void ChangeUserName(string userName) => UserName = userName;

    /// <summary>A different address is unconfirmed until its owner confirms it.</summary>
    public void ChangeEmail(string email)
    {
        if (!string.Equals(Email, email, StringComparison.Ordinal))
        {
            Email = email;
            EmailConfirmed = false;
        }
    }

    public void ConfirmEmail() => EmailConfirmed = true;

    public void MarkEmailUnconfirmed() => EmailConfirmed = false;

    /// <summary>The key the identity store looks the user name up by.</summary>
    public void SetNormalizedUserName(string normalizedUserName) => NormalizedUserName = normalizedUserName;

    /// <summary>The key the identity store looks the email address up by.</summary>
    public void SetNormalizedEmail(string normalizedEmail) => NormalizedEmail = normalizedEmail;

    public void ReplacePasswordHash(string? passwordHash) => PasswordHash = passwordHash;

    public void ReplaceSecurityStamp(string stamp) => SecurityStamp = stamp;

    public void EnableTwoFactor() => TwoFactorEnabled = true;

    public void DisableTwoFactor() => TwoFactorEnabled = false;

    public void EnableLockout(bool enabled) => LockoutEnabled = enabled;

    public void LockOutUntil(DateTimeOffset? end) => LockoutEnd = end;

    /// <summary>Counts a failed sign-in; returns the count so far.</summary>
    public int CountFailedAccess() => ++AccessFailedCount;

    public void ResetFailedAccess() => AccessFailedCount = 0;

    public void Lock() => IsLocked = true;

    /// <summary>Lifts the administrator's lock and any lockout after failed attempts.</summary>
    public void Unlock()
    {
        IsLocked = false;
        LockoutEnd = null;
        AccessFailedCount = 0;
    }

    /// <summary>Ends a lockout after failed attempts (an administrator's lock stays).</summary>
    public void ClearLockout()
    {
        LockoutEnd = null;
        AccessFailedCount = 0;
    }

    public bool HasRole(string roleName) =>
        _roles.Exists(r => string.Equals(r.Name, roleName, StringComparison.OrdinalIgnoreCase));

    public void AddRole(Role role)
    {
        if (!HasRole(role.Name))
        {
            _roles.Add(role);
        }
    }

    /// <summary>Replaces the role set; returns true when anything changed.</summary>
    public bool ReplaceRoles(IReadOnlyCollection<Role> roles)
    {
        var current = _roles.Select(r => r.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var wanted = roles.Select(r => r.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (current.SetEquals(wanted))
        {
            return false;
        }

        _roles.Clear();
        _roles.AddRange(roles.DistinctBy(r => r.Name, StringComparer.OrdinalIgnoreCase));
        return true;
    }

    private static string? TrimmedOrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
