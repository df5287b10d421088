using ChatPlatform.Application.Messages.Common;
using ChatPlatform.Domain.Messages;

namespace ChatPlatform.Application.Common.Interfaces;

/// <summary>
/// Stores chat messages. Messages of one room are written in batches (one round trip and one
/// commit for all that wait) in arrival order, and each batch sends its <c>MessageStored</c>
/// events on the bus with its commit: stored order is delivery order on every instance.
/// </summary>
public interface IMessageStore
{
    /// <summary>Completes once the message is committed, with its sequence; throws NotFound when the room is gone, Unavailable when the database or the room's queue cannot take it.</summary>
    Task<MessageDto> StoreAsync(Message message, string room, string username, CancellationToken cancellationToken);
}
