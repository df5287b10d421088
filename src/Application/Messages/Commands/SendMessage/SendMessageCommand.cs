using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Messages.Common;
using ChatPlatform.Application.Rooms.Common;
using ChatPlatform.Domain.Messages;
using MediatR;

namespace ChatPlatform.Application.Messages.Commands.SendMessage;

/// <summary>Posts a message as the caller, from REST or the hub alike: stored first, then broadcast.</summary>
public sealed record SendMessageCommand(string Room, string Content) : IRequest<MessageDto>;

internal sealed class SendMessageCommandHandler(
    IApplicationDbContext db, ICurrentUser caller, IChatNotifier notifier, RoomSendOrder order, TimeProvider clock)
    : IRequestHandler<SendMessageCommand, MessageDto>
{
    public async Task<MessageDto> Handle(SendMessageCommand request, CancellationToken cancellationToken)
    {
        var room = await db.FindRoomAsync(request.Room, cancellationToken);
        var message = Message.Send(room.Id, caller.Id, request.Content, clock.GetUtcNow());
        var dto = new MessageDto(message.Id, room.Name, caller.UserName, message.Content, message.SentAt);

        // Once stored, the message is delivered even if the sender goes away meanwhile.
        using (await order.EnterAsync(room.Id, cancellationToken))
        {
            db.Messages.Add(message);
            await db.SaveChangesAsync(cancellationToken);
            await notifier.MessageSentAsync(dto, CancellationToken.None);
        }

        return dto;
    }
}
