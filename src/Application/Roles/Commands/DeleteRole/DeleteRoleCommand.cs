using ChatPlatform.Application.Common.AdminChanges;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Roles.Common;
using ChatPlatform.Domain.Audit;
using ChatPlatform.Domain.Sessions;
using MediatR;

namespace ChatPlatform.Application.Roles.Commands.DeleteRole;

/// <summary>Deletes a custom role; its holders lose it (and every permission it granted) and their tokens are revoked.</summary>
public sealed record DeleteRoleCommand(string Name) : IRequest, IAdminChange;

internal sealed class DeleteRoleCommandHandler(IApplicationDbContext db, AdminChange change)
    : IRequestHandler<DeleteRoleCommand>
{
    public async Task<Unit> Handle(DeleteRoleCommand request, CancellationToken cancellationToken)
    {
        var role = await db.GetRoleAsync(request.Name, cancellationToken);
        role.EnsureDeletable();
        change.EnsureCallerHolds(role.Permissions.Select(p => p.Code));

        var affected = await db.FindRoleHoldersAsync([role.Id], cancellationToken);
        db.Roles.Remove(role);
        await db.SaveChangesAsync(cancellationToken);
        await change.RevokeSessionsAsync(affected, RevocationReasons.RolesChanged, cancellationToken);
        change.CatalogueChanged();
        change.Record(AuditEventTypes.RoleDeleted, null, new Dictionary<string, string> { ["role"] = role.Name });
        return Unit.Value;
    }
}
