using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Application.Rooms.Common;
using ChatPlatform.Domain.Rooms;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Rooms.Queries.GetRooms;

/// <summary>Rooms by name; <see cref="Search"/> matches part of the name, ignoring case.</summary>
public sealed record GetRoomsQuery(int Page, int PageSize, string? Search) : IRequest<PagedList<RoomDto>>;

internal sealed class GetRoomsQueryHandler(IApplicationDbContext db) : IRequestHandler<GetRoomsQuery, PagedList<RoomDto>>
{
    public async Task<PagedList<RoomDto>> Handle(GetRoomsQuery request, CancellationToken cancellationToken)
    {
        var rooms = db.Rooms.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.Search))
        {
            var search = Room.KeyOf(request.Search.Trim());
            rooms = rooms.Where(r => r.NormalizedName.Contains(search));
        }

        var total = await rooms.CountAsync(cancellationToken);
        var items = await rooms
            .OrderBy(r => r.NormalizedName)
            .Skip((request.Page - 1) * request.PageSize)
            .Take(request.PageSize)
            .ToDtos(db)
            .ToListAsync(cancellationToken);
        return new PagedList<RoomDto>(items, request.Page, request.PageSize, total);
    }
}
