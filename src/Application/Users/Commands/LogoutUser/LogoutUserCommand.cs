using ChatPlatform.Application.Common.AdminChanges;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Application.Users.Common;
using ChatPlatform.Domain.Audit;
using ChatPlatform.Domain.Sessions;
using MediatR;

namespace ChatPlatform.Application.Users.Commands.LogoutUser;

/// <summary>Signs a user out everywhere (tokens and hub connections) without locking them: a new login works.</summary>
public sealed record LogoutUserCommand(Guid UserId) : IRequest, IAdminChange;

internal sealed class LogoutUserCommandHandler(IApplicationDbContext db, AdminChange change) : IRequestHandler<LogoutUserCommand>
{
    public async Task<Unit> Handle(LogoutUserCommand request, CancellationToken cancellationToken)
    {
        var user = await db.GetUserForUpdateAsync(request.UserId, cancellationToken);
        change.EnsureCallerMayManage(user);
        await change.RevokeSessionsAsync([user.Id], RevocationReasons.AdminLogout, cancellationToken);
        change.Record(AuditEventTypes.UserLoggedOut, AuditParty.Of(user));
        return Unit.Value;
    }
}
