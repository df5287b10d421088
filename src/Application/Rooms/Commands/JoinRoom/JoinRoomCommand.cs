using ChatPlatform.Application.Common.Events;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Rooms.Common;
using MediatR;

namespace ChatPlatform.Application.Rooms.Commands.JoinRoom;

/// <summary>Records that the caller's hub connection joined the room, and tells the room when the caller just came online there.</summary>
public sealed record JoinRoomCommand(Guid RoomId, string Room, string ConnectionId) : IRequest<RoomPresenceDto>;

internal sealed class JoinRoomCommandHandler(IRoomPresence presence, ICurrentUser caller, IEventBus bus)
    : IRequestHandler<JoinRoomCommand, RoomPresenceDto>
{
    public async Task<RoomPresenceDto> Handle(JoinRoomCommand request, CancellationToken cancellationToken)
    {
        var join = await presence.JoinAsync(new RoomMember(request.RoomId, request.Room, request.ConnectionId, caller.UserName), cancellationToken);
        if (join.FirstForUser)
        {
            await bus.SendAsync(new UserJoinedRoom(request.Room, caller.UserName, request.ConnectionId), cancellationToken);
        }

        return new RoomPresenceDto(request.Room, join.Online);
    }
}
