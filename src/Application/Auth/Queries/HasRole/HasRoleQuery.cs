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
        // A blank route value binds as null (MVC turns whitespace into null): nobody holds that role.
        if (request.Role is { } name && caller.Roles.Any(role => Role.KeyOf(role) == Role.KeyOf(name)))
        {
            return Task.FromResult(new HasRoleResult(name, true));
        }

        throw new ForbiddenException($"You do not have the role '{request.Role}'.")
        {
            Details = { ["role"] = request.Role, ["hasRole"] = false },
        };
    }
}
