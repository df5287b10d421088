using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Messages.Common;
using ChatPlatform.Application.Rooms.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Messages.Queries.GetMessages;

/// <summary>
/// A room's history by keyset: the <see cref="Limit"/> messages stored just before
/// <see cref="Before"/> (or the newest), read from the (room, sequence) index, never by offset.
/// </summary>
public sealed record GetMessagesQuery(string Room, Guid? Before, int Limit) : IRequest<MessagePage>;

internal sealed class GetMessagesQueryHandler(IApplicationDbContext db) : IRequestHandler<GetMessagesQuery, MessagePage>
{
    public async Task<MessagePage> Handle(GetMessagesQuery request, CancellationToken cancellationToken)
    {
        var room = await db.FindRoomAsync(request.Room, cancellationToken);
        var messages = db.Messages.AsNoTracking().Where(m => m.RoomId == room.Id);
        if (request.Before is { } before)
        {
            var sequence = await messages.SequenceOfAsync(before, "before", cancellationToken);
            messages = messages.Where(m => m.Sequence < sequence);
        }

        var items = await messages.OrderByDescending(m => m.Sequence).Take(request.Limit + 1)
            .ToDtos(db, room.Name)
            .ToListAsync(cancellationToken);

        // The join to authors does not keep the keyset order; the page is small, so order it here.
        items = items.OrderByDescending(m => m.Sequence).ToList();
        var hasMore = items.Count > request.Limit;
        var page = hasMore ? items.Take(request.Limit).ToList() : items;
        return new MessagePage(page, hasMore ? page[^1].Id : null);
    }
}
