using ChatPlatform.Application.Auth.Common;
using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Domain.Audit;
using ChatPlatform.Domain.Sessions;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Users.Commands.RevokeMySession;

/// <summary>
/// Signs one of the caller's devices out: the session's refresh tokens and every access token
/// carrying its <c>sid</c> die on every instance, and its hub connections close. A session
/// already ended stays ended (the call succeeds and records nothing); one that is not the
/// caller's is a 404, the same as one that does not exist.
/// </summary>
public sealed record RevokeMySessionCommand(Guid SessionId) : IRequest;

internal sealed class RevokeMySessionCommandHandler(
    IApplicationDbContext db, ICurrentUser caller, SessionRevocation revocation, IAuditTrail audit)
    : IRequestHandler<RevokeMySessionCommand>
{
    public async Task<Unit> Handle(RevokeMySessionCommand request, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);

        // The row lock makes a second, concurrent call wait and then see the session revoked.
        var session = await db.LockSessionAsync(request.SessionId, caller.Id, cancellationToken)
            ?? throw new NotFoundException("You have no session with that id.");
        if (session.IsRevoked)
        {
            return Unit.Value;
        }

        audit.Add(
            AuditEventTypes.SessionRevoked,
            AuditParty.Of(caller),
            AuditParty.Of(caller),
            new Dictionary<string, string> { ["sessionId"] = session.Id.ToString() });
        await revocation.RevokeAsync(caller.Id, [session], RevocationReasons.SessionRevoked, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
