using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Messages.Common;
using ChatPlatform.Application.Rooms.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Rooms.Queries.CatchUpRooms;

/// <summary>
/// What an instance whose bus was disconnected may have missed since <see cref="Since"/>, read
/// back from the tables: messages stored in the rooms its connections are in (oldest first,
/// at most <see cref="MaxMessages"/>), which of those rooms were deleted, and rooms created.
/// </summary>
public sealed record CatchUpRoomsQuery(IReadOnlyList<Guid> RoomIds, DateTimeOffset Since) : IRequest<RoomsCatchUp>
{
    public const int MaxMessages = 10_000;
}

internal sealed class CatchUpRoomsQueryHandler(IApplicationDbContext db) : IRequestHandler<CatchUpRoomsQuery, RoomsCatchUp>
{
    public async Task<RoomsCatchUp> Handle(CatchUpRoomsQuery request, CancellationToken cancellationToken)
    {
        var existing = await db.Rooms.AsNoTracking()
            .Where(r => request.RoomIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Name })
            .ToListAsync(cancellationToken);

        var messages = new List<RoomMessage>();
        foreach (var room in existing)
        {
            var stored = await db.Messages.AsNoTracking()
                .Where(m => m.RoomId == room.Id && m.SentAt >= request.Since)
                .OrderBy(m => m.Sequence)
                .Take(CatchUpRoomsQuery.MaxMessages)
                .ToDtos(db, room.Name)
                .ToListAsync(cancellationToken);
            messages.AddRange(stored.OrderBy(m => m.Sequence).Select(m => new RoomMessage(room.Id, m)));
        }

        var created = await db.Rooms.AsNoTracking()
            .Where(r => r.CreatedAt >= request.Since)
            .ToDtos(db)
            .ToListAsync(cancellationToken);

        var deleted = request.RoomIds.Except(existing.Select(r => r.Id)).ToList();
        return new RoomsCatchUp(messages, deleted, created.OrderBy(r => r.CreatedAt).ToList());
    }
}
