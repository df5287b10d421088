using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Domain.Rooms;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Rooms.Common;

/// <summary>Room look-ups shared by the room and message use cases.</summary>
internal static class RoomQueries
{
    public static async Task<Room> FindRoomAsync(this IApplicationDbContext db, string name, CancellationToken cancellationToken)
    {
        var normalized = Room.KeyOf(name ?? string.Empty);
        return await db.Rooms.SingleOrDefaultAsync(r => r.NormalizedName == normalized, cancellationToken)
            ?? throw new NotFoundException($"Room '{name}' was not found.");
    }

    public static IQueryable<RoomDto> ToDtos(this IQueryable<Room> rooms, IApplicationDbContext db) =>
        from room in rooms
        join user in db.Users on room.CreatedById equals user.Id
        select new RoomDto(room.Id, room.Name, room.Description, user.UserName, room.CreatedAt);
}
