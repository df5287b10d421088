using AutoMapper;
using ChatPlatform.Application.Common.AdminChanges;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Roles.Common;
using ChatPlatform.Domain.Audit;
using ChatPlatform.Domain.Roles;
using MediatR;

namespace ChatPlatform.Application.Roles.Commands.CreateRole;

/// <summary>A new custom role; <see cref="Permissions"/> may be left out for a role that grants nothing yet.</summary>
public sealed record CreateRoleCommand(string Name, string? Description, IReadOnlyList<string>? Permissions) : IRequest<RoleDto>, IAdminChange;

internal sealed class CreateRoleCommandHandler(IApplicationDbContext db, AdminChange change, IMapper mapper)
    : IRequestHandler<CreateRoleCommand, RoleDto>
{
    public async Task<RoleDto> Handle(CreateRoleCommand request, CancellationToken cancellationToken)
    {
        var role = Role.Create(request.Name, request.Description);
        var permissions = await db.GetPermissionsAsync(request.Permissions ?? [], cancellationToken);
        change.EnsureCallerHolds(permissions.Select(p => p.Code));
        foreach (var permission in permissions)
        {
            role.Grant(permission);
        }

        db.Roles.Add(role);
        await db.SaveChangesAsync(cancellationToken);

        change.CatalogueChanged();
        change.Record(AuditEventTypes.RoleCreated, null, RoleAudit.Details(role));
        return mapper.Map<RoleDto>(role);
    }
}
