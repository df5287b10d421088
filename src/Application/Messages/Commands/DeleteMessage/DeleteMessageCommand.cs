using ChatPlatform.Application.Common.Events;
using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Rooms.Common;
using ChatPlatform.Domain.Roles;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Messages.Commands.DeleteMessage;

/// <summary>Deletes a message; allowed to its author and to <c>messages.moderate</c>.</summary>
public sealed record DeleteMessageCommand(string Room, Guid Id) : IRequest<Unit>;

internal sealed class DeleteMessageCommandHandler(
    IApplicationDbContext db, ICurrentUser caller, IPermissionCatalogue permissions, IEventBus bus)
    : IRequestHandler<DeleteMessageCommand, Unit>
{
    public async Task<Unit> Handle(DeleteMessageCommand request, CancellationToken cancellationToken)
    {
        var room = await db.FindRoomAsync(request.Room, cancellationToken);
        var message = await db.Messages.SingleOrDefaultAsync(m => m.Id == request.Id && m.RoomId == room.Id, cancellationToken)
            ?? throw new NotFoundException($"Message '{request.Id}' was not found in room '{room.Name}'.");
        if (!message.IsWrittenBy(caller.Id) && !permissions.Grants(caller.Roles, SystemPermissions.MessagesModerate))
        {
            throw new ForbiddenException("Only the message's author or a holder of messages.moderate may delete it.");
        }

        db.Messages.Remove(message);
        bus.Enqueue(new MessageDeleted(room.Name, message.Id));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
