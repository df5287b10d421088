using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Messages.Common;
using ChatPlatform.Domain.Rooms;
using Microsoft.AspNetCore.SignalR;

namespace ChatPlatform.WebApi.Hubs;

/// <summary>Delivers committed room events to this instance's hub connections that joined the room.</summary>
internal sealed class HubChatNotifier(IHubContext<ChatHub> hub, ChatPresence presence) : IChatNotifier
{
    public Task MessageSentAsync(MessageDto message, CancellationToken cancellationToken) =>
        hub.Clients.Group(GroupOf(message.Room)).SendAsync(ChatEvents.ReceiveMessage, message, cancellationToken);

    public Task MessageDeletedAsync(string room, Guid messageId, CancellationToken cancellationToken) =>
        hub.Clients.Group(GroupOf(room)).SendAsync(ChatEvents.MessageDeleted, new MessageDeletedEvent(room, messageId), cancellationToken);

    public async Task RoomDeletedAsync(string room, CancellationToken cancellationToken)
    {
        var key = Room.Normalize(room);
        await hub.Clients.Group(ChatEvents.Group(key)).SendAsync(ChatEvents.RoomDeleted, new RoomDeletedEvent(room), cancellationToken);

        // A room created later under the same name must not reach the old room's members.
        foreach (var connectionId in presence.RemoveRoom(key))
        {
            await hub.Groups.RemoveFromGroupAsync(connectionId, ChatEvents.Group(key), cancellationToken);
        }
    }

    private static string GroupOf(string room) => ChatEvents.Group(Room.Normalize(room));
}
