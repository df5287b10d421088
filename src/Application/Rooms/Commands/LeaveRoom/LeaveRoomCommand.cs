using ChatPlatform.Application.Common.Events;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Rooms.Common;
using MediatR;

namespace ChatPlatform.Application.Rooms.Commands.LeaveRoom;

/// <summary>Records that a hub connection left a room (or went away), and tells the room when its user is no longer online there.</summary>
public sealed record LeaveRoomCommand(RoomMember Member) : IRequest<Unit>;

internal sealed class LeaveRoomCommandHandler(IRoomPresence presence, IEventBus bus) : IRequestHandler<LeaveRoomCommand, Unit>
{
    public async Task<Unit> Handle(LeaveRoomCommand request, CancellationToken cancellationToken)
    {
        if (await presence.LeaveAsync(request.Member, cancellationToken))
        {
            await bus.SendAsync(new UserLeftRoom(request.Member.Room, request.Member.Username), cancellationToken);
        }

        return Unit.Value;
    }
}
