using ChatPlatform.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Roles.Common;

internal static class RoleHolders
{
    /// <summary>Everyone holding any of these roles: whose sessions end when the roles lose permissions.</summary>
    public static async Task<IReadOnlyList<Guid>> FindRoleHoldersAsync(
        this IApplicationDbContext db, IReadOnlyCollection<Guid> roleIds, CancellationToken cancellationToken) =>
        await db.Users
            .Where(u => u.Roles.Any(r => roleIds.Contains(r.Id)))
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
}
