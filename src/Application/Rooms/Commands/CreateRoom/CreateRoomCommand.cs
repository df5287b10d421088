using ChatPlatform.Application.Common.Events;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Rooms.Common;
using ChatPlatform.Domain.Rooms;
using MediatR;

namespace ChatPlatform.Application.Rooms.Commands.CreateRoom;

public sealed record CreateRoomCommand(string Name, string? Description) : IRequest<RoomDto>;

internal sealed class CreateRoomCommandHandler(IApplicationDbContext db, ICurrentUser caller, IEventBus bus, TimeProvider clock)
    : IRequestHandler<CreateRoomCommand, RoomDto>
{
    public async Task<RoomDto> Handle(CreateRoomCommand request, CancellationToken cancellationToken)
    {
        var room = Room.Create(request.Name, request.Description, caller.Id, clock.GetUtcNow());
        var dto = room.ToDto(caller.UserName);
        db.Rooms.Add(room);
        bus.Enqueue(new RoomCreated(dto));

        // The unique index on the normalised name turns a concurrent duplicate into room_exists.
        await db.SaveChangesAsync(cancellationToken);
        return dto;
    }
}
