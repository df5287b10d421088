using AutoMapper;
using AutoMapper.QueryableExtensions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Application.Users.Common;
using ChatPlatform.Domain.Users;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Users.Queries.GetUsers;

/// <summary>Users by username; <see cref="Search"/> matches part of a username or email, ignoring case.</summary>
public sealed record GetUsersQuery(int Page, int PageSize, string? Search) : IRequest<PagedList<UserDto>>;

internal sealed class GetUsersQueryHandler(IApplicationDbContext db, IMapper mapper)
    : IRequestHandler<GetUsersQuery, PagedList<UserDto>>
{
    public async Task<PagedList<UserDto>> Handle(GetUsersQuery request, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            // The normalised columns are upper-cased by Identity's lookup normaliser.
            var term = User.KeyOf(request.Search.Trim());
            users = users.Where(u => u.NormalizedUserName.Contains(term) || u.NormalizedEmail.Contains(term));
        }

        var total = await users.CountAsync(cancellationToken);
        var page = await users
            .OrderBy(u => u.NormalizedUserName).ThenBy(u => u.Id)
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize)
            .ProjectTo<UserDto>(mapper.ConfigurationProvider)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        return new PagedList<UserDto>(page, request.Page, request.PageSize, total);
    }
}
