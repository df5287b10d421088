using AutoMapper;
using ChatPlatform.Application.Common.AdminChanges;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Roles.Common;
using ChatPlatform.Domain.Audit;
using ChatPlatform.Domain.Sessions;
using MediatR;

namespace ChatPlatform.Application.Roles.Commands.UpdateRole;

/// <summary>
/// Replaces a role's description and permissions. When permissions are taken away, the holders'
/// tokens are revoked so the smaller set applies at once. The admin role always holds every
/// permission: any other set for it is refused.
/// </summary>
public sealed record UpdateRoleCommand(string Name, string? Description, IReadOnlyList<string> Permissions) : IRequest<RoleDto>, IAdminChange;

internal sealed class UpdateRoleCommandHandler(IApplicationDbContext db, AdminChange change, IMapper mapper)
    : IRequestHandler<UpdateRoleCommand, RoleDto>
{
    public async Task<RoleDto> Handle(UpdateRoleCommand request, CancellationToken cancellationToken)
    {
        var role = await db.GetRoleAsync(request.Name, cancellationToken);
        change.EnsureCallerMayEdit(role);
        var permissions = await db.GetPermissionsAsync(request.Permissions, cancellationToken);
        var before = role.Permissions.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var after = permissions.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        change.EnsureCallerHolds(before.Except(after).Concat(after.Except(before)));

        role.Describe(request.Description);
        var shrinks = role.ReplacePermissions(permissions);
        await db.SaveChangesAsync(cancellationToken);
        if (shrinks)
        {
            await change.RevokeSessionsAsync(await db.FindRoleHoldersAsync([role.Id], cancellationToken), RevocationReasons.RolesChanged, cancellationToken);
        }

        change.CatalogueChanged();
        change.Record(AuditEventTypes.RoleUpdated, null, RoleAudit.Details(role));
        return mapper.Map<RoleDto>(role);
    }
}
