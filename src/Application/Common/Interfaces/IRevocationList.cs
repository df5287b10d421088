namespace ChatPlatform.Application.Common.Interfaces;

/// <summary>
/// The live revocations, held in memory so that checking a token costs no database round trip.
/// </summary>
public interface IRevocationList
{
    bool IsRevoked(Guid sessionId, string tokenId);
}
