using System.Globalization;
using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Application.Messages.Commands.SendMessage;
using ChatPlatform.Application.Messages.Common;
using ChatPlatform.Application.Rooms.Commands.JoinRoom;
using ChatPlatform.Application.Rooms.Commands.LeaveRoom;
using ChatPlatform.Application.Rooms.Commands.Typing;
using ChatPlatform.Application.Rooms.Common;
using ChatPlatform.Application.Rooms.Queries.GetRoom;
using ChatPlatform.Domain.Rooms;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ChatPlatform.WebApi.Hubs;

/// <summary>
/// Realtime chat. The caller is always the token's user; failures reach the client as a
/// <see cref="HubException"/> carrying the contract's error code (see <see cref="HubErrorFilter"/>).
/// Room events reach connections through their room's group, filled by <see cref="ChatDelivery"/>
/// from the bus on every instance.
/// </summary>
[Authorize]
internal sealed class ChatHub(IMediator mediator, IRoomPresence presence, ChatConnections connections) : Hub
{
    public const string Path = "/hubs/chat";

    public override Task OnConnectedAsync()
    {
        var user = Context.User!;
        connections.Add(new ChatConnection(
            Context,
            Guid.Parse(Claim(AccessTokenClaims.Subject)),
            UserName,
            Guid.Parse(Claim(AccessTokenClaims.Session)),
            Claim(AccessTokenClaims.TokenId),
            DateTimeOffset.FromUnixTimeSeconds(long.Parse(Claim(AccessTokenClaims.Expires), CultureInfo.InvariantCulture))));
        return base.OnConnectedAsync();

        string Claim(string type) => user.FindFirst(type)?.Value ?? throw new HubException("token_invalid");
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        foreach (var member in presence.RoomsOf(Context.ConnectionId))
        {
            try
            {
                await mediator.Send(new LeaveRoomCommand(member), CancellationToken.None);
            }
            catch (UnavailableException)
            {
                // The database is away: presence is reconciled from memory when it returns.
            }
        }

        await base.OnDisconnectedAsync(exception);
    }

    public async Task<RoomPresenceDto> JoinRoom(string room)
    {
        var found = await mediator.Send(new GetRoomQuery(room), Context.ConnectionAborted);

        // In the group first, so no message stored from here on passes this connection by.
        await Groups.AddToGroupAsync(Context.ConnectionId, DeliveryLanes.Group(Room.KeyOf(found.Name), Context.ConnectionId), Context.ConnectionAborted);
        return await mediator.Send(new JoinRoomCommand(found.Id, found.Name, Context.ConnectionId), Context.ConnectionAborted);
    }

    public async Task LeaveRoom(string room)
    {
        var key = Room.KeyOf(room ?? string.Empty);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, DeliveryLanes.Group(key, Context.ConnectionId), Context.ConnectionAborted);
        if (presence.RoomsOf(Context.ConnectionId).FirstOrDefault(m => Room.KeyOf(m.Room) == key) is { } member)
        {
            await mediator.Send(new LeaveRoomCommand(member), Context.ConnectionAborted);
        }
    }

    public Task<MessageDto> SendMessage(string room, string content) =>
        mediator.Send(new SendMessageCommand(room, content), Context.ConnectionAborted);

    public async Task Typing(string room)
    {
        var key = Room.KeyOf(room ?? string.Empty);
        var name = presence.RoomsOf(Context.ConnectionId).FirstOrDefault(m => Room.KeyOf(m.Room) == key)?.Room
            ?? (await mediator.Send(new GetRoomQuery(room!), Context.ConnectionAborted)).Name;
        await mediator.Send(new TypingCommand(name, Context.ConnectionId), Context.ConnectionAborted);
    }

    private string UserName => Context.User?.FindFirst(AccessTokenClaims.Name)?.Value ?? string.Empty;
}
