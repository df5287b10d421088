using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Messages.Common;
using ChatPlatform.Application.Rooms.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Messages.Queries.GetMessage;

/// <summary>One message of a room: where a posted message's <c>Location</c> points.</summary>
public sealed record GetMessageQuery(string Room, Guid Id) : IRequest<MessageDto>;

internal sealed class GetMessageQueryHandler(IApplicationDbContext db) : IRequestHandler<GetMessageQuery, MessageDto>
{
    public async Task<MessageDto> Handle(GetMessageQuery request, CancellationToken cancellationToken)
    {
        var room = await db.FindRoomAsync(request.Room, cancellationToken);
        return await db.Messages.AsNoTracking()
                .Where(m => m.Id == request.Id && m.RoomId == room.Id)
                .ToDtos(db, room.Name)
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"Message '{request.Id}' was not found in room '{room.Name}'.");
    }
}
