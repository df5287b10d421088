using ChatPlatform.Application.Auth.Common;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Domain.Sessions;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Roles.Common;

/// <summary>Ends the sessions of everyone holding some roles, so their next request must log in again with current permissions.</summary>
internal sealed class RoleHolders(IApplicationDbContext db, SessionRevocation revocation)
{
    public async Task<IReadOnlyList<Guid>> FindAsync(IReadOnlyCollection<Guid> roleIds, CancellationToken cancellationToken) =>
        await db.Users
            .Where(u => u.Roles.Any(r => roleIds.Contains(r.Id)))
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);

    public Task RevokeAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken) =>
        userIds.Count == 0 ? Task.CompletedTask : revocation.RevokeAllAsync(userIds, RevocationReasons.RolesChanged, cancellationToken);
}
