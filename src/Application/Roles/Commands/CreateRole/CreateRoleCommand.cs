using AutoMapper;
using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Events;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Application.Roles.Common;
using ChatPlatform.Domain.Roles;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Roles.Commands.CreateRole;

/// <summary>A new custom role; <see cref="Permissions"/> may be left out for a role that grants nothing yet.</summary>
public sealed record CreateRoleCommand(string Name, string? Description, IReadOnlyList<string>? Permissions) : IRequest<RoleDto>;

internal sealed class CreateRoleCommandHandler(IApplicationDbContext db, IEventBus bus, IMapper mapper)
    : IRequestHandler<CreateRoleCommand, RoleDto>
{
    public async Task<RoleDto> Handle(CreateRoleCommand request, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.BeginTransactionAsync(cancellationToken))
        {
            await db.LockRoleCatalogueAsync(cancellationToken);
            var role = Role.Create(request.Name, request.Description);
            foreach (var permission in await db.GetPermissionsAsync(request.Permissions ?? [], cancellationToken))
            {
                role.Grant(permission);
            }

            db.Roles.Add(role);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                throw new ConflictException(ErrorCodes.RoleExists, $"A role named '{request.Name}' already exists.", "name");
            }

            bus.Enqueue(new PermissionsChanged());
            await transaction.CommitAsync(cancellationToken);
            return mapper.Map<RoleDto>(role);
        }
    }
}
