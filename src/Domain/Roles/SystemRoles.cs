namespace ChatPlatform.Domain.Roles;

/// <summary>Roles that always exist. <c>admin</c> holds every permission, whatever is stored.</summary>
public static class SystemRoles
{
    public const string Admin = "admin";
    public const string User = "user";

    /// <summary>The admin role's key (<see cref="Role.KeyOf"/>), for lookups by the stored key.</summary>
    public static readonly string AdminKey = Role.KeyOf(Admin);

    /// <summary>The user role's key (<see cref="Role.KeyOf"/>), for lookups by the stored key.</summary>
    public static readonly string UserKey = Role.KeyOf(User);

    public static IReadOnlyList<string> DefaultUserPermissions { get; } = [SystemPermissions.RoomsCreate];
}
