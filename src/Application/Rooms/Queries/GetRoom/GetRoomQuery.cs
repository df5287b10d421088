using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Rooms.Common;
using ChatPlatform.Domain.Rooms;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Rooms.Queries.GetRoom;

public sealed record GetRoomQuery(string Name) : IRequest<RoomDto>;

internal sealed class GetRoomQueryHandler(IApplicationDbContext db) : IRequestHandler<GetRoomQuery, RoomDto>
{
    public async Task<RoomDto> Handle(GetRoomQuery request, CancellationToken cancellationToken)
    {
        var normalized = Room.KeyOf(request.Name ?? string.Empty);
        return await db.Rooms.AsNoTracking()
            .Where(r => r.NormalizedName == normalized)
            .ToDtos(db)
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"Room '{request.Name}' was not found.");
    }
}
