using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ChatPlatform.WebApi.Hubs;

/// <summary>Counts each user's open hub connections against <see cref="ChatSettings.MaxConnectionsPerUser"/>.</summary>
internal sealed class HubConnectionQuota(IOptions<ChatSettings> settings)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    public bool IsFull(string userId) => _open.TryGetValue(userId, out var count) && count >= settings.Value.MaxConnectionsPerUser;

    /// <summary>Counts a new connection; false (and nothing counted) when the user is at the limit.</summary>
    public bool TryOpen(string userId)
    {
        while (true)
        {
            var count = _open.GetOrAdd(userId, 0);
            if (count >= settings.Value.MaxConnectionsPerUser)
            {
                return false;
            }

            if (_open.TryUpdate(userId, count + 1, count))
            {
                return true;
            }
        }
    }

    public void Close(string userId)
    {
        while (_open.TryGetValue(userId, out var count))
        {
            if (count <= 1 ? _open.TryRemove(KeyValuePair.Create(userId, count)) : _open.TryUpdate(userId, count - 1, count))
            {
                return;
            }
        }
    }
}
