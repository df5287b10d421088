using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Roles.Common;
using ChatPlatform.Application.Users.Common;
using MediatR;

namespace ChatPlatform.Application.Users.Commands.UnlockUser;

/// <summary>Lifts an administrator's lock, and any lockout after failed attempts.</summary>
public sealed record UnlockUserCommand(Guid UserId) : IRequest;

internal sealed class UnlockUserCommandHandler(IApplicationDbContext db) : IRequestHandler<UnlockUserCommand>
{
    public async Task<Unit> Handle(UnlockUserCommand request, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        await db.LockRoleCatalogueAsync(cancellationToken);
        var user = await db.GetUserForUpdateAsync(request.UserId, cancellationToken);
        user.Unlock();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }
}
