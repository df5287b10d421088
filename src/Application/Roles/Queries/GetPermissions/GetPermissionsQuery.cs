using AutoMapper;
using AutoMapper.QueryableExtensions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Roles.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Roles.Queries.GetPermissions;

public sealed record GetPermissionsQuery : IRequest<IReadOnlyList<PermissionDto>>;

internal sealed class GetPermissionsQueryHandler(IApplicationDbContext db, IMapper mapper)
    : IRequestHandler<GetPermissionsQuery, IReadOnlyList<PermissionDto>>
{
    public async Task<IReadOnlyList<PermissionDto>> Handle(GetPermissionsQuery request, CancellationToken cancellationToken)
    {
        return await db.Permissions.AsNoTracking()
            .OrderBy(p => p.Code)
            .ProjectTo<PermissionDto>(mapper.ConfigurationProvider)
            .ToListAsync(cancellationToken);
    }
}
