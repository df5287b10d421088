using ChatPlatform.Application.Common.Events;
using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Rooms.Common;
using ChatPlatform.Domain.Roles;
using MediatR;

namespace ChatPlatform.Application.Rooms.Commands.DeleteRoom;

/// <summary>Deletes a room and, by cascade, its messages. Allowed to its creator and to <c>rooms.manage</c>.</summary>
public sealed record DeleteRoomCommand(string Name) : IRequest<Unit>;

internal sealed class DeleteRoomCommandHandler(
    IApplicationDbContext db, ICurrentUser caller, IPermissionCatalogue permissions, IEventBus bus)
    : IRequestHandler<DeleteRoomCommand, Unit>
{
    public async Task<Unit> Handle(DeleteRoomCommand request, CancellationToken cancellationToken)
    {
        var room = await db.FindRoomAsync(request.Name, cancellationToken);
        if (!room.IsCreatedBy(caller.Id) && !permissions.Grants(caller.Roles, SystemPermissions.RoomsManage))
        {
            throw new ForbiddenException("Only the room's creator or a holder of rooms.manage may delete it.");
        }

        db.Rooms.Remove(room);
        bus.Enqueue(new RoomDeleted(room.Id, room.Name));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
