using AutoMapper;
using ChatPlatform.Application.Common.AdminChanges;
using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Application.Users.Common;
using ChatPlatform.Domain.Audit;
using ChatPlatform.Domain.Roles;
using ChatPlatform.Domain.Sessions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Users.Commands.SetUserRoles;

/// <summary>Replaces a user's roles; their existing tokens stop working so the new set applies at once.</summary>
public sealed record SetUserRolesCommand(Guid UserId, IReadOnlyList<string> Roles) : IRequest<UserDto>, IAdminChange;

internal sealed class SetUserRolesCommandHandler(IApplicationDbContext db, AdminChange change, IMapper mapper)
    : IRequestHandler<SetUserRolesCommand, UserDto>
{
    public async Task<UserDto> Handle(SetUserRolesCommand request, CancellationToken cancellationToken)
    {
        var user = await db.GetUserForUpdateAsync(request.UserId, cancellationToken);

        var wanted = request.Roles.Select(Role.KeyOf).Distinct().ToList();
        var roles = await db.Roles.Include(r => r.Permissions).Where(r => wanted.Contains(r.NormalizedName)).ToListAsync(cancellationToken);
        var unknown = wanted.Except(roles.Select(r => r.NormalizedName)).ToList();
        if (unknown.Count > 0)
        {
            throw new ValidationException("roles", $"Unknown role(s): {string.Join(", ", unknown)}.");
        }

        var added = roles.Where(r => !user.Roles.Any(held => held.Id == r.Id));
        var removed = user.Roles.Where(held => !roles.Exists(r => r.Id == held.Id));
        change.EnsureCallerMayAssign(added.Concat(removed).ToList());

        if (!roles.Exists(r => r.GrantsEverything))
        {
            await db.EnsureAnotherAdminRemainsAsync(user, cancellationToken);
        }

        if (user.ReplaceRoles(roles))
        {
            await db.SaveChangesAsync(cancellationToken);
            await change.RevokeSessionsAsync([user.Id], RevocationReasons.RolesChanged, cancellationToken);
            change.Record(AuditEventTypes.RolesChanged, AuditParty.Of(user), new Dictionary<string, string> { ["roles"] = string.Join(",", roles.Select(r => r.Name).Order(StringComparer.Ordinal)) });
        }

        return mapper.Map<UserDto>(user);
    }
}
