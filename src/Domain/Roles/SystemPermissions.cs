namespace ChatPlatform.Domain.Roles;

/// <summary>The permission catalogue that ships with the platform and cannot be deleted.</summary>
public static class SystemPermissions
{
    public const string UsersRead = "users.read";
    public const string UsersManage = "users.manage";
    public const string RolesManage = "roles.manage";
    public const string RoomsCreate = "rooms.create";
    public const string RoomsManage = "rooms.manage";
    public const string MessagesModerate = "messages.moderate";
    public const string AuditRead = "audit.read";

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        [UsersRead] = "List and view users.",
        [UsersManage] = "Change users' roles, lock and unlock users.",
        [RolesManage] = "Manage roles and the permission catalogue.",
        [RoomsCreate] = "Create chat rooms.",
        [RoomsManage] = "Delete any chat room.",
        [MessagesModerate] = "Delete any chat message.",
        [AuditRead] = "Read the audit log of security events.",
    };
}
