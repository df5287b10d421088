using System.Collections.Concurrent;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;

namespace ChatPlatform.Infrastructure.Tokens;

/// <summary>
/// This instance's copy of the live revocations: revoked sessions and access-token ids, each
/// kept until every token it covers has expired. Lookups are lock-free dictionary reads.
/// </summary>
public sealed class RevocationList : IRevocationList
{
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _sessions = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _tokenIds = new(StringComparer.Ordinal);

    /// <summary>Raised after a revocation has been applied, for holders of long-lived connections.</summary>
    public event Action<Revocation>? Applied;

    public bool IsRevoked(Guid sessionId, string tokenId) =>
        _sessions.ContainsKey(sessionId) || _tokenIds.ContainsKey(tokenId);

    public void Apply(Revocation revocation)
    {
        foreach (var sessionId in revocation.SessionIds)
        {
            _sessions.AddOrUpdate(sessionId, revocation.Until, (_, until) => until > revocation.Until ? until : revocation.Until);
        }

        if (revocation.TokenId is { } tokenId)
        {
            _tokenIds.AddOrUpdate(tokenId, revocation.Until, (_, until) => until > revocation.Until ? until : revocation.Until);
        }

        Applied?.Invoke(revocation);
    }

    /// <summary>Forgets entries whose tokens have all expired.</summary>
    public void Prune(DateTimeOffset now)
    {
        foreach (var (sessionId, until) in _sessions)
        {
            if (until <= now)
            {
                _sessions.TryRemove(sessionId, out _);
            }
        }

        foreach (var (tokenId, until) in _tokenIds)
        {
            if (until <= now)
            {
                _tokenIds.TryRemove(tokenId, out _);
            }
        }
    }
}
