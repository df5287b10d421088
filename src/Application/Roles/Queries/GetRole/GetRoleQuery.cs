using AutoMapper;
using AutoMapper.QueryableExtensions;
using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Roles.Common;
using ChatPlatform.Domain.Roles;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Roles.Queries.GetRole;

public sealed record GetRoleQuery(string Name) : IRequest<RoleDto>;

internal sealed class GetRoleQueryHandler(IApplicationDbContext db, IMapper mapper) : IRequestHandler<GetRoleQuery, RoleDto>
{
    public async Task<RoleDto> Handle(GetRoleQuery request, CancellationToken cancellationToken)
    {
        var key = Role.KeyOf(request.Name);
        return await db.Roles.AsNoTracking()
                .Where(r => r.NormalizedName == key)
                .ProjectTo<RoleDto>(mapper.ConfigurationProvider)
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No role is named '{request.Name}'.");
    }
}
