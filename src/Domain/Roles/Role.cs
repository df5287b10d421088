using System.Text.RegularExpressions;
using ChatPlatform.Domain.Common;

namespace ChatPlatform.Domain.Roles;

/// <summary>A named set of permissions that users are given. The <c>admin</c> role holds every permission, always.</summary>
public sealed partial class Role
{
    public const string NamePattern = @"^[A-Za-z0-9_.-]{1,64}\z";
    public const int NameMaxLength = 64;
    public const int DescriptionMaxLength = 500;

    private readonly List<Permission> _permissions = [];

    private Role()
    {
        Name = string.Empty;
        NormalizedName = string.Empty;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string NormalizedName { get; private set; }
    public string? Description { get; private set; }
    public bool IsSystem { get; private set; }
    public IReadOnlyCollection<Permission> Permissions => _permissions;

    /// <summary>The admin role holds every permission, stored or not.</summary>
    public bool GrantsEverything => GrantsEverythingByKey(NormalizedName);

    public static Role Create(string name, string? description, bool isSystem = false)
    {
        if (!NameShape().IsMatch(name))
        {
            throw new DomainRuleException(DomainErrorCodes.ValidationFailed, $"'{name}' is not a valid role name: 1-64 of letters, digits, '_', '.' and '-'.");
        }

        if (description?.Length > DescriptionMaxLength)
        {
            throw new DomainRuleException(DomainErrorCodes.ValidationFailed, $"A role's description is at most {DescriptionMaxLength} characters.");
        }

        return new Role
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            NormalizedName = KeyOf(name),
            Description = description,
            IsSystem = isSystem,
        };
    }

    /// <summary>The case-insensitive key a role is unique and found by.</summary>
    public static string KeyOf(string name) => name.ToLowerInvariant();

    /// <summary>
    /// Whether the role with this key (<see cref="KeyOf"/>) holds every permission: the one place
    /// that says so, for a role read as its key or named in a token (pass <c>KeyOf(name)</c>).
    /// Queries that must run in SQL compare the stored key with <see cref="SystemRoles.AdminKey"/>.
    /// </summary>
    public static bool GrantsEverythingByKey(string key) => string.Equals(key, SystemRoles.AdminKey, StringComparison.Ordinal);

    public void Describe(string? description) => Description = description;

    public void Grant(Permission permission)
    {
        if (!_permissions.Exists(p => p.Code == permission.Code))
        {
            _permissions.Add(permission);
        }
    }

    /// <summary>Replaces the permission set; returns true when a permission was taken away, which the admin role refuses.</summary>
    public bool ReplacePermissions(IReadOnlyCollection<Permission> permissions)
    {
        var wanted = permissions.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var shrinks = _permissions.Exists(p => !wanted.Contains(p.Code));
        if (shrinks && GrantsEverything)
        {
            throw new DomainRuleException(DomainErrorCodes.SystemRole, "The admin role always holds every permission.");
        }

        _permissions.RemoveAll(p => !wanted.Contains(p.Code));
        foreach (var permission in permissions)
        {
            Grant(permission);
        }

        return shrinks;
    }

    public void EnsureDeletable()
    {
        if (IsSystem)
        {
            throw new DomainRuleException(DomainErrorCodes.SystemRole, $"The system role '{Name}' cannot be deleted.");
        }
    }

    [GeneratedRegex(NamePattern, RegexOptions.CultureInvariant)]
    private static partial Regex NameShape();
}
