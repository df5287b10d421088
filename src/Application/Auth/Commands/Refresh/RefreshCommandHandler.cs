using ChatPlatform.Application.Auth.Common;
using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Auth.Commands.Refresh;

internal sealed class RefreshCommandHandler(
    IApplicationDbContext db,
    RefreshTokenLookup lookup,
    SessionRevocation revocation,
    SessionTokens sessions,
    TimeProvider clock)
    : IRequestHandler<RefreshCommand, TokenPairDto>
{
    public async Task<TokenPairDto> Handle(RefreshCommand request, CancellationToken cancellationToken)
    {
        var found = await lookup.FindUsableAsync(request.RefreshToken!, revokeOnReuse: true, cancellationToken);
        var now = clock.GetUtcNow();

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);

        // The conditional update takes the row lock: of two concurrent refreshes with one
        // token, the second waits, then sees the token spent and is treated as reuse.
        var claimed = await db.RefreshTokens
            .Where(t => t.Id == found.Token.Id && t.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            await revocation.RevokeOnReuseAsync(found.Session, cancellationToken);
            throw new AuthenticationFailedException(ErrorCodes.TokenRevoked, "The refresh token has already been used.");
        }

        var user = await db.Users
            .Include(u => u.Roles)
            .SingleAsync(u => u.Id == found.Session.UserId, cancellationToken);
        found.Session.Touch(now);
        var pair = sessions.Issue(user, found.Session, now);

        // The request's cancellation must reach the save and the commit: a client that gave up
        // retries with the same token, which is unspent only if this transaction rolled back.
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return pair;
    }
}
