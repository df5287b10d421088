using AutoMapper;
using AutoMapper.QueryableExtensions;
using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Roles.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Roles.Queries.GetPermission;

public sealed record GetPermissionQuery(string Code) : IRequest<PermissionDto>;

internal sealed class GetPermissionQueryHandler(IApplicationDbContext db, IMapper mapper) : IRequestHandler<GetPermissionQuery, PermissionDto>
{
    public async Task<PermissionDto> Handle(GetPermissionQuery request, CancellationToken cancellationToken)
    {
        return await db.Permissions.AsNoTracking()
                .Where(p => p.Code == request.Code)
                .ProjectTo<PermissionDto>(mapper.ConfigurationProvider)
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No permission has the code '{request.Code}'.");
    }
}
