using AutoMapper;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Roles.Common;
using MediatR;

namespace ChatPlatform.Application.Roles.Queries.GetRole;

public sealed record GetRoleQuery(string Name) : IRequest<RoleDto>;

internal sealed class GetRoleQueryHandler(IApplicationDbContext db, IMapper mapper) : IRequestHandler<GetRoleQuery, RoleDto>
{
    public async Task<RoleDto> Handle(GetRoleQuery request, CancellationToken cancellationToken) =>
        mapper.Map<RoleDto>(await db.GetRoleAsync(request.Name, cancellationToken));
}
