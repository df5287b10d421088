using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Events;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Roles.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Roles.Commands.DeletePermission;

/// <summary>
/// Deletes a custom permission and takes it from every role. Holders of the roles that granted it
/// have their tokens revoked; admins are not, as they keep "every permission".
/// </summary>
public sealed record DeletePermissionCommand(string Code) : IRequest;

internal sealed class DeletePermissionCommandHandler(IApplicationDbContext db, RoleHolders holders, IEventBus bus)
    : IRequestHandler<DeletePermissionCommand>
{
    public async Task<Unit> Handle(DeletePermissionCommand request, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.BeginTransactionAsync(cancellationToken))
        {
            await db.LockRoleCatalogueAsync(cancellationToken);
            var permission = await db.Permissions.SingleOrDefaultAsync(p => p.Code == request.Code, cancellationToken)
                ?? throw new NotFoundException($"No permission has the code '{request.Code}'.");
            permission.EnsureDeletable();

            var roles = await db.Roles
                .Where(r => r.Permissions.Any(p => p.Code == permission.Code))
                .Select(r => new { r.Id, r.Name })
                .ToListAsync(cancellationToken);
            var shrunk = roles.Where(r => !IsAdmin(r.Name)).Select(r => r.Id).ToList();
            var affected = await holders.FindAsync(shrunk, cancellationToken);

            db.Permissions.Remove(permission);
            await db.SaveChangesAsync(cancellationToken);
            await holders.RevokeAsync(affected, cancellationToken);
            bus.Enqueue(new PermissionsChanged());
            await transaction.CommitAsync(cancellationToken);
        }
        return Unit.Value;
    }

    private static bool IsAdmin(string roleName) =>
        string.Equals(roleName, ChatPlatform.Domain.Roles.SystemRoles.Admin, StringComparison.OrdinalIgnoreCase);
}
