using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Messages.Common;
using ChatPlatform.Application.Rooms.Common;
using ChatPlatform.Domain.Messages;
using MediatR;

namespace ChatPlatform.Application.Messages.Commands.SendMessage;

/// <summary>
/// Posts a message as the caller, from REST or the hub alike. It is acknowledged once stored;
/// delivery to the room's connections, on every instance, follows from the bus in stored order.
/// </summary>
public sealed record SendMessageCommand(string Room, string Content) : IRequest<MessageDto>;

internal sealed class SendMessageCommandHandler(
    ICurrentUser caller, KnownRooms rooms, IMessageStore store, TimeProvider clock)
    : IRequestHandler<SendMessageCommand, MessageDto>
{
    public async Task<MessageDto> Handle(SendMessageCommand request, CancellationToken cancellationToken)
    {
        var room = await rooms.FindAsync(request.Room, cancellationToken);
        try
        {
            return await StoreAsync(room, request.Content, cancellationToken);
        }
        catch (NotFoundException)
        {
            // The known room was deleted, perhaps to be created again under its name: look once more.
            rooms.Forget(room.Name);
            return await StoreAsync(await rooms.FindAsync(request.Room, cancellationToken), request.Content, cancellationToken);
        }
    }

    private Task<MessageDto> StoreAsync(KnownRoom room, string content, CancellationToken cancellationToken)
    {
        var message = Message.Send(room.Id, caller.Id, content, clock.GetUtcNow());
        return store.StoreAsync(message, room.Name, caller.UserName, cancellationToken);
    }
}
