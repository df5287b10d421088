using ChatPlatform.Application.Common.Events;
using ChatPlatform.Application.Common.Interfaces;
using MediatR;

namespace ChatPlatform.Application.Rooms.Commands.Typing;

/// <summary>Tells the others in a room, on every instance, that the caller is typing.</summary>
public sealed record TypingCommand(string Room, string ConnectionId) : IRequest<Unit>;

internal sealed class TypingCommandHandler(ICurrentUser caller, IEventBus bus) : IRequestHandler<TypingCommand, Unit>
{
    public async Task<Unit> Handle(TypingCommand request, CancellationToken cancellationToken)
    {
        await bus.SendAsync(new UserTypingInRoom(request.Room, caller.UserName, request.ConnectionId), cancellationToken);
        return Unit.Value;
    }
}
