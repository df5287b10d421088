using System.Collections.Concurrent;
using ChatPlatform.Domain.Rooms;

namespace ChatPlatform.WebApi.Hubs;

/// <summary><c>Typing</c> is relayed at most once per <see cref="Interval"/> per user and room.</summary>
internal sealed class TypingThrottle(TimeProvider clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<(string User, string Room), DateTimeOffset> _last = new();

    /// <summary>True when this call may be relayed; false when one was relayed less than <see cref="Interval"/> ago.</summary>
    public bool TryPass(string userId, string room)
    {
        var now = clock.GetUtcNow();
        var key = (userId, Room.KeyOf(room));
        while (true)
        {
            if (!_last.TryGetValue(key, out var last))
            {
                if (_last.TryAdd(key, now))
                {
                    Prune(now);
                    return true;
                }

                continue;
            }

            if (now - last < Interval)
            {
                return false;
            }

            if (_last.TryUpdate(key, now, last))
            {
                return true;
            }
        }
    }

    // Entries older than the interval decide nothing; drop them so the map stays small.
    private void Prune(DateTimeOffset now)
    {
        if (_last.Count <= PruneAbove)
        {
            return;
        }

        foreach (var entry in _last)
        {
            if (now - entry.Value >= Interval)
            {
                _last.TryRemove(entry);
            }
        }
    }
}
