using System.Text.RegularExpressions;
using ChatPlatform.Domain.Common;
using ChatPlatform.Domain.Roles;

namespace ChatPlatform.Domain.Users;

/// <summary>
/// A person who can sign in. Every change goes through this type's methods, the identity
/// store's (names, hash, stamp, lockout) included, so its rules hold whoever calls: the username
/// and email have the shape of <see cref="UserRules"/>, and a new email address is unconfirmed
/// until confirmed. Uniqueness of both is the database's, whatever their case.
/// </summary>
public sealed partial class User
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

    public static User Create(string userName, string email, string? firstName, string? lastName, DateTimeOffset now)
    {
        EnsureValidUserName(userName);
        EnsureValidEmail(email);
        EnsureValidPersonName(firstName);
        EnsureValidPersonName(lastName);
        return new User
        {
            Id = Guid.CreateVersion7(now),
            UserName = userName,
            Email = email,
            FirstName = TrimmedOrNull(firstName),
            LastName = TrimmedOrNull(lastName),
            LockoutEnabled = true,
            CreatedAt = now,
        };
    }

    public void ChangeName(string? firstName, string? lastName)
    {
        EnsureValidPersonName(firstName);
        EnsureValidPersonName(lastName);
        FirstName = TrimmedOrNull(firstName);
        LastName = TrimmedOrNull(lastName);
    }

    public void ChangeUserName(string userName)
    {
        EnsureValidUserName(userName);
        UserName = userName;
    }

    /// <summary>A different address is unconfirmed until its owner confirms it.</summary>
    public void ChangeEmail(string email)
    {
        if (!string.Equals(Email, email, StringComparison.Ordinal))
        {
            EnsureValidEmail(email);
            Email = email;
            EmailConfirmed = false;
        }
    }

    public void ConfirmEmail() => EmailConfirmed = true;

    /// <summary>For the identity store only (Identity's <c>SetEmailConfirmedAsync</c>).</summary>
    public void MarkEmailUnconfirmed() => EmailConfirmed = false;

    /// <summary>
    /// The case-insensitive key a username or email address is unique and found by: upper case,
    /// after Unicode form C as Identity's default normaliser does (a no-op under the project's
    /// invariant globalisation). Identity's normaliser is this one (<c>UserKeyNormalizer</c>), so
    /// the stored keys and every lookup, search and limit agree.
    /// </summary>
    public static string KeyOf(string value) => value.Normalize().ToUpperInvariant();

    /// <summary>For the identity store only: the key (<see cref="KeyOf"/>) the user name is unique and looked up by.</summary>
    public void SetNormalizedUserName(string normalizedUserName) => NormalizedUserName = normalizedUserName;

    /// <summary>For the identity store only: the key (<see cref="KeyOf"/>) the email address is unique and looked up by.</summary>
    public void SetNormalizedEmail(string normalizedEmail) => NormalizedEmail = normalizedEmail;

    /// <summary>For the identity store only: a hash made by Identity's password hasher, never a password.</summary>
    public void ReplacePasswordHash(string? passwordHash) => PasswordHash = passwordHash;

    /// <summary>For the identity store only: Identity renews the stamp when credentials change.</summary>
    public void ReplaceSecurityStamp(string stamp) => SecurityStamp = stamp;

    public void EnableTwoFactor() => TwoFactorEnabled = true;

    public void DisableTwoFactor() => TwoFactorEnabled = false;

    /// <summary>For the identity store only: whether failed attempts can lock the account out.</summary>
    public void EnableLockout(bool enabled) => LockoutEnabled = enabled;

    /// <summary>For the identity store only: the end of a lockout after failed attempts (null ends it).</summary>
    public void LockOutUntil(DateTimeOffset? end) => LockoutEnd = end;

    /// <summary>For the identity store only: counts a failed sign-in; returns the count so far.</summary>
    public int CountFailedAccess() => ++AccessFailedCount;

    /// <summary>For the identity store only: clears the failed sign-ins.</summary>
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

    /// <summary>Whether the user holds the role, matched by its key (<see cref="Role.KeyOf"/>), as roles are unique.</summary>
    public bool HasRole(string roleName)
    {
        var key = Role.KeyOf(roleName);
        return _roles.Exists(r => string.Equals(r.NormalizedName, key, StringComparison.Ordinal));
    }

    public void AddRole(Role role)
    {
        if (!_roles.Exists(r => string.Equals(r.NormalizedName, role.NormalizedName, StringComparison.Ordinal)))
        {
            _roles.Add(role);
        }
    }

    /// <summary>Replaces the role set; returns true when anything changed.</summary>
    public bool ReplaceRoles(IReadOnlyCollection<Role> roles)
    {
        var current = _roles.Select(r => r.NormalizedName).ToHashSet(StringComparer.Ordinal);
        var wanted = roles.Select(r => r.NormalizedName).ToHashSet(StringComparer.Ordinal);
        if (current.SetEquals(wanted))
        {
            return false;
        }

        _roles.Clear();
        _roles.AddRange(roles.DistinctBy(r => r.NormalizedName, StringComparer.Ordinal));
        return true;
    }

    private static void EnsureValidUserName(string userName)
    {
        if (!UserNameShape().IsMatch(userName))
        {
            throw new DomainRuleException(
                "validation_failed",
                $"A username is {UserRules.UserNameMinLength}-{UserRules.UserNameMaxLength} letters, digits, '_', '.' or '-'.");
        }
    }

    /// <summary>
    /// The least every stored address has: one '@' with something on each side, no space or control
    /// character, within the column. Requests are held to a plain address before they get here.
    /// </summary>
    private static void EnsureValidEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (email.Length > UserRules.EmailMaxLength
            || at <= 0
            || at == email.Length - 1
            || email.IndexOf('@', at + 1) >= 0
            || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new DomainRuleException("validation_failed", $"An email address is a single address of at most {UserRules.EmailMaxLength} characters.");
        }
    }

    private static void EnsureValidPersonName(string? name)
    {
        if (TrimmedOrNull(name)?.Length > UserRules.NameMaxLength)
        {
            throw new DomainRuleException("validation_failed", $"A first or last name is at most {UserRules.NameMaxLength} characters.");
        }
    }

    private static string? TrimmedOrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(UserRules.UserNamePattern, RegexOptions.CultureInvariant)]
    private static partial Regex UserNameShape();
}
