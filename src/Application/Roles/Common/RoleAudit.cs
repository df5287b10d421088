using ChatPlatform.Domain.Roles;

namespace ChatPlatform.Application.Roles.Common;

/// <summary>What the audit log keeps of a role after a change: its name and permissions.</summary>
internal static class RoleAudit
{
    public static IReadOnlyDictionary<string, string> Details(Role role) => new Dictionary<string, string>
    {
        ["role"] = role.Name,
        ["permissions"] = string.Join(",", role.Permissions.Select(p => p.Code).Order(StringComparer.Ordinal)),
    };
}
