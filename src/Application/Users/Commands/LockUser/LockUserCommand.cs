using ChatPlatform.Application.Auth.Common;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Roles.Common;
using ChatPlatform.Application.Users.Common;
using ChatPlatform.Domain.Sessions;
using MediatR;

namespace ChatPlatform.Application.Users.Commands.LockUser;

/// <summary>Locks a user out until unlocked; every token they hold stops working at once.</summary>
public sealed record LockUserCommand(Guid UserId) : IRequest;

internal sealed class LockUserCommandHandler(IApplicationDbContext db, SessionRevocation revocation) : IRequestHandler<LockUserCommand>
{
    public async Task<Unit> Handle(LockUserCommand request, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await db.LockRoleCatalogueAsync(cancellationToken);
        var user = await db.GetUserForUpdateAsync(request.UserId, cancellationToken);
        await db.EnsureAnotherAdminRemainsAsync(user, cancellationToken);

        user.Lock();
        await db.SaveChangesAsync(cancellationToken);
        await revocation.RevokeAllAsync(user.Id, RevocationReasons.UserLocked, accessToken: null, keep: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
