using System.Threading.Channels;

namespace ChatPlatform.WebApi.Hubs;

/// <summary>
/// The lanes that fan room events out to this instance's connections, one per core (at most 8).
/// A room's group is split by lane, each connection in the lane its id hashes to, and each lane
/// sends in the order events were posted: a busy room's fan-out uses every core, and every
/// connection still gets its room's events in bus order.
/// </summary>
internal sealed class DeliveryLanes : IDisposable
{
    private static readonly int LaneCount = Math.Clamp(Environment.ProcessorCount, 1, 8);

    private readonly Channel<Func<Task>>[] _lanes;
    private readonly ILogger<DeliveryLanes> _logger;

    public DeliveryLanes(ILogger<DeliveryLanes> logger)
    {
        _logger = logger;
        _lanes = new Channel<Func<Task>>[LaneCount];
        for (var lane = 0; lane < LaneCount; lane++)
        {
            var channel = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });
            _lanes[lane] = channel;
            _ = Task.Run(() => RunAsync(channel.Reader), CancellationToken.None);
        }
    }

    /// <summary>The group of the room (by its case-insensitive key) that holds this connection.</summary>
    public static string Group(string roomKey, string connectionId) =>
        Group(roomKey, (int)((uint)connectionId.GetHashCode() % (uint)LaneCount));

    /// <summary>Posts a send to every lane, each with its part of the room's group.</summary>
    public void ToRoom(string roomKey, Func<string, Task> send)
    {
        for (var lane = 0; lane < LaneCount; lane++)
        {
            var group = Group(roomKey, lane);
            _lanes[lane].Writer.TryWrite(() => send(group));
        }
    }

    public void Dispose()
    {
        foreach (var lane in _lanes)
        {
            lane.Writer.TryComplete();
        }
    }

    private static string Group(string roomKey, int lane) => $"room:{roomKey}:{lane}";

    private async Task RunAsync(ChannelReader<Func<Task>> lane)
    {
        await foreach (var send in lane.ReadAllAsync())
        {
            try
            {
                await send();
            }
            catch (Exception e)
            {
                _logger.LogError(e, "A room event could not be sent to this instance's connections");
            }
        }
    }
}
