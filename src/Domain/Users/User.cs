using ChatPlatform.Domain.Roles;

namespace ChatPlatform.Domain.Users;

/// <summary>
/// A person who can sign in. Credential state (hash, stamp, lockout) is owned by the
/// identity store; profile and role membership are changed through this type's methods.
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
    public string UserName { get; set; }
    public string NormalizedUserName { get; set; }
    public string Email { get; set; }
    public string NormalizedEmail { get; set; }
    public bool EmailConfirmed { get; set; }
    public string? FirstName { get; private set; }
    public string? LastName { get; private set; }
    public string? PasswordHash { get; set; }
    public string SecurityStamp { get; set; }
    public bool TwoFactorEnabled { get; set; }
    public bool LockoutEnabled { get; set; }
    public DateTimeOffset? LockoutEnd { get; set; }
    public int AccessFailedCount { get; set; }

    /// <summary>Locked by an administrator until unlocked; unlike Identity lockout, it never ends by itself.</summary>
    public bool IsLocked { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyCollection<Role> Roles => _roles;

    public static User Create(string userName, string email, string? firstName, string? lastName, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        UserName = userName,
        Email = email,
        FirstName = Normalise(firstName),
        LastName = Normalise(lastName),
        LockoutEnabled = true,
        CreatedAt = now,
    };

    public void ChangeName(string? firstName, string? lastName)
    {
        FirstName = Normalise(firstName);
        LastName = Normalise(lastName);
    }

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

    private static string? Normalise(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
