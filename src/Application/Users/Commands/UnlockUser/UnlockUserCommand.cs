using ChatPlatform.Application.Common.AdminChanges;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Application.Users.Common;
using ChatPlatform.Domain.Audit;
using MediatR;

namespace ChatPlatform.Application.Users.Commands.UnlockUser;

/// <summary>Lifts an administrator's lock, and any lockout after failed attempts.</summary>
public sealed record UnlockUserCommand(Guid UserId) : IRequest, IAdminChange;

internal sealed class UnlockUserCommandHandler(IApplicationDbContext db, AdminChange change) : IRequestHandler<UnlockUserCommand>
{
    public async Task<Unit> Handle(UnlockUserCommand request, CancellationToken cancellationToken)
    {
        var user = await db.GetUserForUpdateAsync(request.UserId, cancellationToken);
        change.EnsureCallerMayManage(user);
        user.Unlock();
        change.Record(AuditEventTypes.UserUnlocked, AuditParty.Of(user));
        return Unit.Value;
    }
}
