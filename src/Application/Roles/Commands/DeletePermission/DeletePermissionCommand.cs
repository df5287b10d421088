using ChatPlatform.Application.Common.AdminChanges;
using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Roles.Common;
using ChatPlatform.Domain.Audit;
using ChatPlatform.Domain.Roles;
using ChatPlatform.Domain.Sessions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Roles.Commands.DeletePermission;

/// <summary>
/// Deletes a custom permission and takes it from every role. Holders of the roles that granted it
/// have their tokens revoked; admins are not, as they keep "every permission".
/// </summary>
public sealed record DeletePermissionCommand(string Code) : IRequest, IAdminChange;

internal sealed class DeletePermissionCommandHandler(IApplicationDbContext db, AdminChange change)
    : IRequestHandler<DeletePermissionCommand>
{
    public async Task<Unit> Handle(DeletePermissionCommand request, CancellationToken cancellationToken)
    {
        var permission = await db.Permissions.SingleOrDefaultAsync(p => p.Code == request.Code, cancellationToken)
            ?? throw new NotFoundException($"No permission has the code '{request.Code}'.");
        permission.EnsureDeletable();
        change.EnsureCallerHolds([permission.Code]);

        var shrunk = await db.Roles
            .Where(r => r.Permissions.Any(p => p.Code == permission.Code) && r.NormalizedName != SystemRoles.AdminKey)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        var affected = await db.FindRoleHoldersAsync(shrunk, cancellationToken);

        db.Permissions.Remove(permission);
        await db.SaveChangesAsync(cancellationToken);
        await change.RevokeSessionsAsync(affected, RevocationReasons.RolesChanged, cancellationToken);
        change.CatalogueChanged();
        change.Record(AuditEventTypes.PermissionDeleted, null, new Dictionary<string, string> { ["permission"] = permission.Code });
        return Unit.Value;
    }
}
