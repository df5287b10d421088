using ChatPlatform.Application.Common.AdminChanges;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Application.Users.Common;
using ChatPlatform.Domain.Audit;
using ChatPlatform.Domain.Sessions;
using MediatR;

namespace ChatPlatform.Application.Users.Commands.LockUser;

/// <summary>Locks a user out until unlocked; every token they hold stops working at once.</summary>
public sealed record LockUserCommand(Guid UserId) : IRequest, IAdminChange;

internal sealed class LockUserCommandHandler(IApplicationDbContext db, AdminChange change) : IRequestHandler<LockUserCommand>
{
    public async Task<Unit> Handle(LockUserCommand request, CancellationToken cancellationToken)
    {
        var user = await db.GetUserForUpdateAsync(request.UserId, cancellationToken);
        change.EnsureCallerMayManage(user);
        await db.EnsureAnotherAdminRemainsAsync(user, cancellationToken);

        user.Lock();
        await db.SaveChangesAsync(cancellationToken);
        await change.RevokeSessionsAsync([user.Id], RevocationReasons.UserLocked, cancellationToken);
        change.Record(AuditEventTypes.UserLocked, AuditParty.Of(user));
        return Unit.Value;
    }
}
