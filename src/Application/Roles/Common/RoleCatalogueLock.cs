using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Domain.Roles;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Roles.Common;

/// <summary>
/// Serialises every change to roles, permissions and role membership (and locking) by locking
/// the admin role's row until the transaction ends. One lock, always taken first, cannot
/// deadlock, and it makes check-then-change rules such as "one unlocked admin remains" hold
/// when two admins act at once.
/// </summary>
internal static class RoleCatalogueLock
{
    /// <summary>Locks the catalogue inside the current transaction; returns the (tracked) admin role.</summary>
    public static async Task<Role> LockRoleCatalogueAsync(this IApplicationDbContext db, CancellationToken cancellationToken)
    {
        var admin = await db.Roles
            .FromSql($"""SELECT * FROM roles WHERE "NormalizedName" = {SystemRoles.Admin} FOR UPDATE""")
            .ToListAsync(cancellationToken);
        return admin.Single();
    }
}
