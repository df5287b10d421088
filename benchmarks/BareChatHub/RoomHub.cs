using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ChatPlatform.BareChatHub;

/// <summary>JoinRoom and SendMessage with the real hub's shapes: a group per room and a sequence per room, in memory.</summary>
[Authorize]
public sealed class RoomHub : Hub
{
    public const string Path = "/hubs/chat";

    private static readonly ConcurrentDictionary<string, long[]> Sequences = new(StringComparer.OrdinalIgnoreCase);

    public async Task<RoomJoined> JoinRoom(string room)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, room);
        return new RoomJoined(room, []);
    }

    public async Task<RoomMessage> SendMessage(string room, string content)
    {
        var sequence = Interlocked.Increment(ref Sequences.GetOrAdd(room, _ => new long[1])[0]);
        var message = new RoomMessage(Guid.CreateVersion7(), room, sequence, Context.User?.FindFirst("name")?.Value ?? string.Empty, content, DateTimeOffset.UtcNow);
        await Clients.Group(room).SendAsync("ReceiveMessage", message);
        return message;
    }
}
