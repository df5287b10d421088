using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Domain.Roles;
using ChatPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Users.Common;

/// <summary>At least one unlocked admin must remain. Call with the role catalogue locked, so the count cannot go stale.</summary>
internal static class LastAdminRule
{
    public static async Task EnsureAnotherAdminRemainsAsync(this IApplicationDbContext db, User user, CancellationToken cancellationToken)
    {
        if (user.IsLocked || !user.Roles.Any(r => r.GrantsEverything))
        {
            return;
        }

        var others = await db.Users.CountAsync(
            u => u.Id != user.Id && !u.IsLocked && u.Roles.Any(r => r.NormalizedName == SystemRoles.AdminKey),
            cancellationToken);
        if (others == 0)
        {
            throw new ConflictException(ErrorCodes.LastAdmin, "At least one unlocked admin must remain.");
        }
    }
}
