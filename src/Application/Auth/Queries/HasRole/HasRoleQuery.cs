using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Domain.Roles;
using MediatR;

namespace ChatPlatform.Application.Auth.Queries.HasRole;

/// <summary>Whether the caller holds the role; not holding it is a 403 that still says so.</summary>
public sealed record HasRoleQuery(string Role) : IRequest<HasRoleResult>;

internal sealed class HasRoleQueryHandler(ICurrentUser caller) : IRequestHandler<HasRoleQuery, HasRoleResult>
{
    public Task<HasRoleResult> Handle(HasRoleQuery request, CancellationToken cancellationToken)
    {
        var key = Role.KeyOf(request.Role);
        if (caller.Roles.Any(role => Role.KeyOf(role) == key))
        {
            return Task.FromResult(new HasRoleResult(request.Role, true));
        }

        throw new ForbiddenException($"You do not have the role '{request.Role}'.")
        {
            Details = { ["role"] = request.Role, ["hasRole"] = false },
        };
    }
}
