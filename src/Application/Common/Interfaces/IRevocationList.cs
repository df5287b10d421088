using ChatPlatform.Application.Common.Models;

namespace ChatPlatform.Application.Common.Interfaces;

/// <summary>
/// The live revocations, held in memory so that checking a token costs no database round trip.
/// </summary>
public interface IRevocationList
{
    /// <summary>Raised after a revocation has been applied, for holders of long-lived connections.</summary>
    event Action<Revocation>? Applied;

    bool IsRevoked(Guid sessionId, string tokenId);
}
