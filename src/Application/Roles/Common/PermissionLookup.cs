using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Domain.Roles;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Roles.Common;

internal static class PermissionLookup
{
    /// <summary>The permissions with these codes; an unknown code is a 400 on <c>permissions</c>.</summary>
    public static async Task<List<Permission>> GetPermissionsAsync(
        this IApplicationDbContext db, IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var wanted = codes.Distinct(StringComparer.Ordinal).ToList();
        var found = await db.Permissions.Where(p => wanted.Contains(p.Code)).ToListAsync(cancellationToken);
        var unknown = wanted.Except(found.Select(p => p.Code), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationException("permissions", $"Unknown permission(s): {string.Join(", ", unknown)}.");
        }

        return found;
    }

    /// <summary>The tracked role with its permissions, or a 404.</summary>
    public static async Task<Role> GetRoleAsync(this IApplicationDbContext db, string name, CancellationToken cancellationToken)
    {
        var normalized = Role.KeyOf(name);
        return await db.Roles.Include(r => r.Permissions).SingleOrDefaultAsync(r => r.NormalizedName == normalized, cancellationToken)
            ?? throw new NotFoundException($"No role is named '{name}'.");
    }
}
