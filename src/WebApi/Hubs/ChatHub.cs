using System.Globalization;
using ChatPlatform.Application.Messages.Commands.SendMessage;
using ChatPlatform.Application.Messages.Common;
using ChatPlatform.Application.Rooms.Queries.GetRoom;
using ChatPlatform.Domain.Rooms;
using ChatPlatform.Infrastructure.Tokens;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ChatPlatform.WebApi.Hubs;

/// <summary>
/// Realtime chat. The caller is always the token's user; failures reach the client as a
/// <see cref="HubException"/> carrying the contract's error code (see <see cref="HubErrorFilter"/>).
/// </summary>
[Authorize]
internal sealed class ChatHub(IMediator mediator, ChatPresence presence, ChatConnections connections) : Hub
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
        foreach (var left in presence.LeaveAll(Context.ConnectionId))
        {
            await Clients.Group(ChatEvents.Group(left.RoomKey)).SendAsync(ChatEvents.UserLeft, new RoomUserEvent(left.Room, left.UserName));
        }

        await base.OnDisconnectedAsync(exception);
    }

    public async Task<RoomPresence> JoinRoom(string room)
    {
        var found = await mediator.Send(new GetRoomQuery(room), Context.ConnectionAborted);
        var key = Room.Normalize(found.Name);
        await Groups.AddToGroupAsync(Context.ConnectionId, ChatEvents.Group(key), Context.ConnectionAborted);
        var (first, online) = presence.Join(key, found.Name, Context.ConnectionId, UserName);
        if (first)
        {
            await Clients.OthersInGroup(ChatEvents.Group(key)).SendAsync(ChatEvents.UserJoined, new RoomUserEvent(found.Name, UserName));
        }

        return new RoomPresence(found.Name, online);
    }

    public async Task LeaveRoom(string room)
    {
        var key = Room.Normalize(room ?? string.Empty);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, ChatEvents.Group(key), Context.ConnectionAborted);
        if (presence.Leave(key, Context.ConnectionId) is { } left)
        {
            await Clients.Group(ChatEvents.Group(key)).SendAsync(ChatEvents.UserLeft, new RoomUserEvent(left.Room, left.UserName));
        }
    }

    public Task<MessageDto> SendMessage(string room, string content) =>
        mediator.Send(new SendMessageCommand(room, content), Context.ConnectionAborted);

    public async Task Typing(string room)
    {
        var key = Room.Normalize(room ?? string.Empty);
        var name = presence.NameIfIn(key, Context.ConnectionId)
            ?? (await mediator.Send(new GetRoomQuery(room!), Context.ConnectionAborted)).Name;
        await Clients.OthersInGroup(ChatEvents.Group(key)).SendAsync(ChatEvents.UserTyping, new RoomUserEvent(name, UserName));
    }

    private string UserName => Context.User?.FindFirst(AccessTokenClaims.Name)?.Value ?? string.Empty;
}
