using AutoMapper;
using ChatPlatform.Application.Common.Events;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Application.Roles.Common;
using ChatPlatform.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Roles.Commands.UpdateRole;

/// <summary>
/// Replaces a role's description and permissions. When permissions are taken away, the holders'
/// tokens are revoked so the smaller set applies at once. The admin role always holds every
/// permission: any other set for it is refused.
/// </summary>
public sealed record UpdateRoleCommand(string Name, string? Description, IReadOnlyList<string> Permissions) : IRequest<RoleDto>;

internal sealed class UpdateRoleCommandHandler(
    IApplicationDbContext db, RoleHolders holders, IEventBus bus, IMapper mapper)
    : IRequestHandler<UpdateRoleCommand, RoleDto>
{
    public async Task<RoleDto> Handle(UpdateRoleCommand request, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.BeginTransactionAsync(cancellationToken))
        {
            await db.LockRoleCatalogueAsync(cancellationToken);
            var role = await db.GetRoleAsync(request.Name, cancellationToken);
            var permissions = await db.GetPermissionsAsync(request.Permissions, cancellationToken);
            if (role.GrantsEverything && permissions.Count < await db.Permissions.CountAsync(cancellationToken))
            {
                throw new DomainRuleException(ErrorCodes.SystemRole, "The admin role always holds every permission.");
            }

            role.Describe(request.Description);
            var shrinks = role.ReplacePermissions(permissions);
            await db.SaveChangesAsync(cancellationToken);
            if (shrinks)
            {
                await holders.RevokeAsync(await holders.FindAsync([role.Id], cancellationToken), cancellationToken);
            }

            bus.Enqueue(new PermissionsChanged());
            await transaction.CommitAsync(cancellationToken);
            return mapper.Map<RoleDto>(role);
        }
    }
}
