using System.Collections.Concurrent;
using ChatPlatform.Application.Common.Events;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Messages.Common;
using ChatPlatform.Application.Rooms.Queries.CatchUpRooms;
using ChatPlatform.Domain.Rooms;
using MediatR;
using Microsoft.AspNetCore.SignalR;

namespace ChatPlatform.WebApi.Hubs;

/// <summary>
/// Delivers the bus's chat events to this instance's hub connections: every instance, the one
/// where a message was sent included, delivers from the bus, in the order the database committed,
/// through <see cref="DeliveryLanes"/>. The last sequence delivered per room lets catch-up after a
/// bus outage skip what was delivered.
/// </summary>
internal sealed class ChatDelivery(IHubContext<ChatHub> hub, IRoomPresence presence, DeliveryLanes lanes, IServiceScopeFactory scopes)
    : IBusEventHandler
{
    private readonly ConcurrentDictionary<Guid, long> _delivered = new();

    public Task HandleAsync(BusEvent busEvent, CancellationToken cancellationToken)
    {
        switch (busEvent)
        {
            case MessageStored stored:
                Deliver(stored.RoomId, stored.Message, cancellationToken);
                break;
            case MessageDeleted deleted:
                ToRoom(deleted.Room, group => hub.Clients.Group(group).SendAsync(ChatEvents.MessageDeleted, new MessageDeletedEvent(deleted.Room, deleted.MessageId), cancellationToken));
                break;
            case RoomCreated created:
                return hub.Clients.All.SendAsync(ChatEvents.RoomCreated, created.Room, cancellationToken);
            case RoomDeleted deleted:
                return CloseRoomAsync(deleted.RoomId, deleted.Room, cancellationToken);
            case UserJoinedRoom joined:
                ToRoom(joined.Room, group => hub.Clients.GroupExcept(group, joined.ConnectionId)
                    .SendAsync(ChatEvents.UserJoined, new RoomUserEvent(joined.Room, joined.Username), cancellationToken));
                break;
            case UserLeftRoom left:
                ToRoom(left.Room, group => hub.Clients.Group(group).SendAsync(ChatEvents.UserLeft, new RoomUserEvent(left.Room, left.Username), cancellationToken));
                break;
            case UserTypingInRoom typing:
                ToRoom(typing.Room, group => hub.Clients.GroupExcept(group, typing.ConnectionId)
                    .SendAsync(ChatEvents.UserTyping, new RoomUserEvent(typing.Room, typing.Username), cancellationToken));
                break;
        }

        return Task.CompletedTask;
    }

    public async Task CatchUpAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var rooms = presence.LocalMembers().DistinctBy(m => m.RoomId).ToDictionary(m => m.RoomId, m => m.Room);
        await using var scope = scopes.CreateAsyncScope();
        var missed = await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new CatchUpRoomsQuery(rooms.Keys.ToList(), since), cancellationToken);

        foreach (var room in missed.CreatedRooms)
        {
            await hub.Clients.All.SendAsync(ChatEvents.RoomCreated, room, cancellationToken);
        }

        foreach (var roomId in missed.DeletedRoomIds)
        {
            await CloseRoomAsync(roomId, rooms[roomId], cancellationToken);
        }

        foreach (var message in missed.Messages)
        {
            Deliver(message.RoomId, message.Message, cancellationToken);
        }
    }

    private void Deliver(Guid roomId, MessageDto message, CancellationToken cancellationToken)
    {
        // A room's messages arrive in sequence order; one at or below the last delivered was delivered already.
        var last = _delivered.GetValueOrDefault(roomId);
        if (message.Sequence <= last)
        {
            return;
        }

        _delivered[roomId] = message.Sequence;
        ToRoom(message.Room, group => hub.Clients.Group(group).SendAsync(ChatEvents.ReceiveMessage, message, cancellationToken));
    }

    private async Task CloseRoomAsync(Guid roomId, string room, CancellationToken cancellationToken)
    {
        _delivered.TryRemove(roomId, out _);
        var key = Room.KeyOf(room);
        var members = await presence.RemoveRoomAsync(roomId, cancellationToken);

        // Each lane tells its connections, then drops them from the group: a room created later
        // under the same name must not reach the old room's members.
        lanes.ToRoom(key, async group =>
        {
            await hub.Clients.Group(group).SendAsync(ChatEvents.RoomDeleted, new RoomDeletedEvent(room), cancellationToken);
            foreach (var connectionId in members.Where(id => DeliveryLanes.Group(key, id) == group))
            {
                await hub.Groups.RemoveFromGroupAsync(connectionId, group, cancellationToken);
            }
        });
    }

    private void ToRoom(string room, Func<string, Task> send) => lanes.ToRoom(Room.KeyOf(room), send);
}
