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
/// where a message was sent included, delivers from the bus, in the order the database committed.
/// The last sequence delivered per room lets catch-up after a bus outage skip what was delivered.
/// </summary>
internal sealed class ChatDelivery(IHubContext<ChatHub> hub, IRoomPresence presence, IServiceScopeFactory scopes) : IBusEventHandler
{
    private readonly ConcurrentDictionary<Guid, long> _delivered = new();

    public Task HandleAsync(BusEvent busEvent, CancellationToken cancellationToken) => busEvent switch
    {
        MessageStored stored => DeliverAsync(stored.RoomId, stored.Message, cancellationToken),
        MessageDeleted deleted => InRoom(deleted.Room).SendAsync(ChatEvents.MessageDeleted, new MessageDeletedEvent(deleted.Room, deleted.MessageId), cancellationToken),
        RoomCreated created => hub.Clients.All.SendAsync(ChatEvents.RoomCreated, created.Room, cancellationToken),
        RoomDeleted deleted => CloseRoomAsync(deleted.RoomId, deleted.Room, cancellationToken),
        UserJoinedRoom joined => hub.Clients.GroupExcept(Group(joined.Room), joined.ConnectionId)
            .SendAsync(ChatEvents.UserJoined, new RoomUserEvent(joined.Room, joined.Username), cancellationToken),
        UserLeftRoom left => InRoom(left.Room).SendAsync(ChatEvents.UserLeft, new RoomUserEvent(left.Room, left.Username), cancellationToken),
        UserTypingInRoom typing => hub.Clients.GroupExcept(Group(typing.Room), typing.ConnectionId)
            .SendAsync(ChatEvents.UserTyping, new RoomUserEvent(typing.Room, typing.Username), cancellationToken),
        _ => Task.CompletedTask,
    };

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
            await DeliverAsync(message.RoomId, message.Message, cancellationToken);
        }
    }

    private Task DeliverAsync(Guid roomId, MessageDto message, CancellationToken cancellationToken)
    {
        // A room's messages arrive in sequence order; one at or below the last delivered was delivered already.
        var last = _delivered.GetValueOrDefault(roomId);
        if (message.Sequence <= last)
        {
            return Task.CompletedTask;
        }

        _delivered[roomId] = message.Sequence;
        return InRoom(message.Room).SendAsync(ChatEvents.ReceiveMessage, message, cancellationToken);
    }

    private async Task CloseRoomAsync(Guid roomId, string room, CancellationToken cancellationToken)
    {
        await InRoom(room).SendAsync(ChatEvents.RoomDeleted, new RoomDeletedEvent(room), cancellationToken);
        _delivered.TryRemove(roomId, out _);

        // A room created later under the same name must not reach the old room's members.
        foreach (var connectionId in await presence.RemoveRoomAsync(roomId, cancellationToken))
        {
            await hub.Groups.RemoveFromGroupAsync(connectionId, Group(room), cancellationToken);
        }
    }

    private IClientProxy InRoom(string room) => hub.Clients.Group(Group(room));

    private static string Group(string room) => ChatEvents.Group(Room.Normalize(room));
}
