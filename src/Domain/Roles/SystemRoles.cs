namespace ChatPlatform.Domain.Roles;

/// <summary>Roles that always exist. <c>admin</c> holds every permission, whatever is stored.</summary>
public static class SystemRoles
{
    public const string Admin = "admin";
    public const string User = "user";

    public static IReadOnlyList<string> DefaultUserPermissions { get; } = [SystemPermissions.RoomsCreate];
}
