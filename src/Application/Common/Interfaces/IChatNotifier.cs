using ChatPlatform.Application.Messages.Common;

namespace ChatPlatform.Application.Common.Interfaces;

/// <summary>
/// The one way room events leave a use case for connected clients. Called only after the change
/// is committed. The in-process implementation talks to this instance's hub; a cross-instance one
/// (e.g. PostgreSQL LISTEN/NOTIFY) can replace it without touching the use cases.
/// </summary>
public interface IChatNotifier
{
    Task MessageSentAsync(MessageDto message, CancellationToken cancellationToken);

    Task MessageDeletedAsync(string room, Guid messageId, CancellationToken cancellationToken);

    Task RoomDeletedAsync(string room, CancellationToken cancellationToken);
}
