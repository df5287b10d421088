using ChatPlatform.Application.Common.Events;
using ChatPlatform.Application.Common.Interfaces;
using Microsoft.Extensions.Logging;

namespace ChatPlatform.Infrastructure.Tokens;

/// <summary>Applies committed revocations from the bus to this instance's list (which closes the hub connections they cover).</summary>
internal sealed class RevocationEvents(RevocationList list, RevocationLoader loader, ILogger<RevocationEvents> logger) : IBusEventHandler
{
    public Task HandleAsync(BusEvent busEvent, CancellationToken cancellationToken)
    {
        if (busEvent is SessionsRevoked { Revocation: var revocation })
        {
            list.Apply(revocation);
            logger.LogInformation(
                "Revoked {SessionCount} session(s) of user {UserId}, access token {TokenRevoked}",
                revocation.SessionIds.Count,
                revocation.UserId,
                revocation.TokenId is null ? "unchanged" : "revoked");
        }

        return Task.CompletedTask;
    }

    public Task CatchUpAsync(DateTimeOffset since, CancellationToken cancellationToken) => loader.LoadAsync(cancellationToken);
}
