using ChatPlatform.Application.Auth.Common;
using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Domain.Audit;
using ChatPlatform.Domain.Sessions;
using MediatR;

namespace ChatPlatform.Application.Auth.Commands.Logout;

/// <summary>Ends the session of the given refresh token and the caller's current access token.</summary>
public sealed record LogoutCommand(string? RefreshToken) : IRequest;

internal sealed class LogoutCommandHandler(
    RefreshTokenLookup lookup, SessionRevocation revocation, ICurrentUser caller, IAuditTrail audit)
    : IRequestHandler<LogoutCommand>
{
    public async Task<Unit> Handle(LogoutCommand request, CancellationToken cancellationToken)
    {
        var found = await lookup.FindUsableAsync(request.RefreshToken!, revokeOnReuse: false, cancellationToken);
        if (found.Session.UserId != caller.Id)
        {
            throw new AuthenticationFailedException(ErrorCodes.TokenInvalid, "The refresh token does not belong to the caller.");
        }

        var accessToken = new AccessTokenReference(caller.TokenId, caller.TokenExpiresAt);
        audit.Add(
            AuditEventTypes.Logout,
            AuditParty.Of(caller),
            AuditParty.Of(caller),
            new Dictionary<string, string> { ["sessionId"] = found.Session.Id.ToString() });
        await revocation.RevokeAsync(caller.Id, [found.Session], RevocationReasons.Logout, accessToken, cancellationToken);
        return Unit.Value;
    }
}
