using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using Microsoft.Extensions.Logging;

namespace ChatPlatform.Infrastructure.Tokens;

/// <summary>
/// Applies revocations to this instance's list. A multi-instance deployment replaces it with a
/// publisher that fans out (PostgreSQL NOTIFY) and applies on receipt, on every instance.
/// </summary>
internal sealed class LocalRevocationPublisher(RevocationList list, ILogger<LocalRevocationPublisher> logger) : IRevocationPublisher
{
    public Task PublishAsync(Revocation revocation, CancellationToken cancellationToken)
    {
        list.Apply(revocation);
        logger.LogInformation(
            "Revoked {SessionCount} session(s) of user {UserId}, access token {TokenRevoked}",
            revocation.SessionIds.Count,
            revocation.UserId,
            revocation.TokenId is null ? "unchanged" : "revoked");
        return Task.CompletedTask;
    }
}
