using ChatPlatform.Application.Common.Events;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Roles.Common;
using MediatR;

namespace ChatPlatform.Application.Roles.Commands.DeleteRole;

/// <summary>Deletes a custom role; its holders lose it and their tokens are revoked.</summary>
public sealed record DeleteRoleCommand(string Name) : IRequest;

internal sealed class DeleteRoleCommandHandler(IApplicationDbContext db, RoleHolders holders, IEventBus bus)
    : IRequestHandler<DeleteRoleCommand>
{
    public async Task<Unit> Handle(DeleteRoleCommand request, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.BeginTransactionAsync(cancellationToken))
        {
            await db.LockRoleCatalogueAsync(cancellationToken);
            var role = await db.GetRoleAsync(request.Name, cancellationToken);
            role.EnsureDeletable();

            var affected = await holders.FindAsync([role.Id], cancellationToken);
            db.Roles.Remove(role);
            await db.SaveChangesAsync(cancellationToken);
            await holders.RevokeAsync(affected, cancellationToken);
            bus.Enqueue(new PermissionsChanged());
            await transaction.CommitAsync(cancellationToken);
        }
        return Unit.Value;
    }
}
