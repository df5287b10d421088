using System.Linq.Expressions;
using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Domain.Rooms;
using ChatPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Rooms.Common;

/// <summary>Room look-ups shared by the room and message use cases.</summary>
internal static class RoomQueries
{
    /// <summary>What a client sees of a room: written once, run in SQL by <see cref="ToDtos"/> and in memory by <see cref="ToDto"/>.</summary>
    private static readonly Expression<Func<Room, string, RoomDto>> Dto =
        (room, createdBy) => new RoomDto(room.Id, room.Name, room.Description, createdBy, room.CreatedAt);

    private static readonly Func<Room, string, RoomDto> DtoOf = Dto.Compile();

    // The join's result selector invokes Dto with the creator's name; EF Core inlines the
    // invocation, so only the DTO's columns are read.
    private static readonly Expression<Func<Room, User, RoomDto>> DtoWithCreator = WithCreator();

    public static async Task<Room> FindRoomAsync(this IApplicationDbContext db, string name, CancellationToken cancellationToken)
    {
        var normalized = Room.KeyOf(name ?? string.Empty);
        return await db.Rooms.SingleOrDefaultAsync(r => r.NormalizedName == normalized, cancellationToken)
            ?? throw new NotFoundException($"Room '{name}' was not found.");
    }

    public static IQueryable<RoomDto> ToDtos(this IQueryable<Room> rooms, IApplicationDbContext db) =>
        rooms.Join(db.Users, room => room.CreatedById, user => user.Id, DtoWithCreator);

    /// <summary>A room in memory, such as one just created, whose creator's name the caller knows.</summary>
    public static RoomDto ToDto(this Room room, string createdBy) => DtoOf(room, createdBy);

    private static Expression<Func<Room, User, RoomDto>> WithCreator()
    {
        var room = Expression.Parameter(typeof(Room), "room");
        var user = Expression.Parameter(typeof(User), "user");
        return Expression.Lambda<Func<Room, User, RoomDto>>(
            Expression.Invoke(Dto, room, Expression.Property(user, nameof(User.UserName))), room, user);
    }
}
