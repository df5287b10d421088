using System.Collections.Concurrent;
using ChatPlatform.Application.Common.Events;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Domain.Rooms;
using Microsoft.Extensions.DependencyInjection;

namespace ChatPlatform.Application.Rooms.Common;

/// <summary>
/// Room ids and names by normalised name, so sending a message does not look its room up in the
/// database every time. A deleted room leaves at once through the bus; one deleted while the bus
/// was away is still caught, as storing into it finds no room and drops the entry. Only a miss
/// opens a database context, so a send into a known room creates none.
/// </summary>
internal sealed class KnownRooms(IServiceScopeFactory scopes) : IBusEventHandler
{
    private const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, KnownRoom> _rooms = new(StringComparer.Ordinal);

    public async Task<KnownRoom> FindAsync(string name, CancellationToken cancellationToken)
    {
        var key = Room.KeyOf(name ?? string.Empty);
        if (_rooms.TryGetValue(key, out var known))
        {
            return known;
        }

        await using var scope = scopes.CreateAsyncScope();
        var room = await scope.ServiceProvider.GetRequiredService<IApplicationDbContext>().FindRoomAsync(name!, cancellationToken);
        if (_rooms.Count >= Capacity)
        {
            _rooms.Clear();
        }

        return _rooms[key] = new KnownRoom(room.Id, room.Name);
    }

    public void Forget(string name) => _rooms.TryRemove(Room.KeyOf(name), out _);

    public Task HandleAsync(BusEvent busEvent, CancellationToken cancellationToken)
    {
        if (busEvent is RoomDeleted deleted)
        {
            Forget(deleted.Room);
        }

        return Task.CompletedTask;
    }

    public Task CatchUpAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        _rooms.Clear();
        return Task.CompletedTask;
    }
}
