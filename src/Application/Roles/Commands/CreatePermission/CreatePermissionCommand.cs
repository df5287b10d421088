using AutoMapper;
using ChatPlatform.Application.Common.AdminChanges;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Roles.Common;
using ChatPlatform.Domain.Audit;
using ChatPlatform.Domain.Roles;
using MediatR;

namespace ChatPlatform.Application.Roles.Commands.CreatePermission;

/// <summary>Adds a permission to the catalogue; the admin role is granted it at once, as it holds every permission.</summary>
public sealed record CreatePermissionCommand(string Code, string? Description) : IRequest<PermissionDto>, IAdminChange;

internal sealed class CreatePermissionCommandHandler(IApplicationDbContext db, AdminChange change, IMapper mapper)
    : IRequestHandler<CreatePermissionCommand, PermissionDto>
{
    public async Task<PermissionDto> Handle(CreatePermissionCommand request, CancellationToken cancellationToken)
    {
        var permission = Permission.Create(request.Code, request.Description);
        db.Permissions.Add(permission);
        await db.SaveChangesAsync(cancellationToken);

        var admin = await db.GetRoleAsync(SystemRoles.Admin, cancellationToken);
        admin.Grant(permission);
        change.CatalogueChanged();
        change.Record(AuditEventTypes.PermissionCreated, null, new Dictionary<string, string> { ["permission"] = permission.Code });
        return mapper.Map<PermissionDto>(permission);
    }
}
