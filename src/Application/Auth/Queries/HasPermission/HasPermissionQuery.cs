using ChatPlatform.Application.Common.Interfaces;
using MediatR;

namespace ChatPlatform.Application.Auth.Queries.HasPermission;

/// <summary>Whether the caller's roles grant the permission, answered from memory.</summary>
public sealed record HasPermissionQuery(string Permission) : IRequest<HasPermissionResult>;

internal sealed class HasPermissionQueryHandler(ICurrentUser caller, IPermissionCatalogue catalogue)
    : IRequestHandler<HasPermissionQuery, HasPermissionResult>
{
    public Task<HasPermissionResult> Handle(HasPermissionQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(new HasPermissionResult(request.Permission, catalogue.Grants(caller.Roles, request.Permission)));
}
