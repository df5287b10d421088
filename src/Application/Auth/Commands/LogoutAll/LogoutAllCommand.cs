using ChatPlatform.Application.Auth.Common;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Domain.Audit;
using ChatPlatform.Domain.Sessions;
using MediatR;

namespace ChatPlatform.Application.Auth.Commands.LogoutAll;

/// <summary>Ends every session of the caller: all their refresh and access tokens issued until now.</summary>
public sealed record LogoutAllCommand : IRequest;

internal sealed class LogoutAllCommandHandler(SessionRevocation revocation, ICurrentUser caller, IAuditTrail audit)
    : IRequestHandler<LogoutAllCommand>
{
    public async Task<Unit> Handle(LogoutAllCommand request, CancellationToken cancellationToken)
    {
        var accessToken = new AccessTokenReference(caller.TokenId, caller.TokenExpiresAt);
        audit.Add(AuditEventTypes.LogoutAll, AuditParty.Of(caller), AuditParty.Of(caller));
        await revocation.RevokeAllAsync(caller.Id, RevocationReasons.LogoutAll, accessToken, keep: null, cancellationToken);
        return Unit.Value;
    }
}
