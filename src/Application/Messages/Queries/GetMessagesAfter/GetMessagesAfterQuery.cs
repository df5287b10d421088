using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Messages.Common;
using ChatPlatform.Application.Rooms.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Messages.Queries.GetMessagesAfter;

/// <summary>
/// Catch-up after a drop: the <see cref="Limit"/> messages stored after <see cref="After"/>,
/// oldest first, by keyset on the (room, sequence) index.
/// </summary>
public sealed record GetMessagesAfterQuery(string Room, Guid After, int Limit) : IRequest<MessagesAfterPage>;

internal sealed class GetMessagesAfterQueryHandler(IApplicationDbContext db) : IRequestHandler<GetMessagesAfterQuery, MessagesAfterPage>
{
    public async Task<MessagesAfterPage> Handle(GetMessagesAfterQuery request, CancellationToken cancellationToken)
    {
        var room = await db.FindRoomAsync(request.Room, cancellationToken);
        var messages = db.Messages.AsNoTracking().Where(m => m.RoomId == room.Id);
        var sequence = await messages.SequenceOfAsync(request.After, "after", cancellationToken);

        var items = await messages.Where(m => m.Sequence > sequence).OrderBy(m => m.Sequence).Take(request.Limit + 1)
            .ToDtos(db, room.Name)
            .ToListAsync(cancellationToken);

        // The join to authors does not keep the keyset order; the page is small, so order it here.
        items = items.OrderBy(m => m.Sequence).ToList();
        var hasMore = items.Count > request.Limit;
        var page = hasMore ? items.Take(request.Limit).ToList() : items;
        return new MessagesAfterPage(page, hasMore ? page[^1].Id : null);
    }
}
