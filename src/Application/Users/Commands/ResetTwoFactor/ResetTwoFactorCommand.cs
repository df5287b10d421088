using ChatPlatform.Application.Common.AdminChanges;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Application.Users.Common;
using ChatPlatform.Domain.Audit;
using MediatR;

namespace ChatPlatform.Application.Users.Commands.ResetTwoFactor;

/// <summary>
/// Turns two-factor off for a user who lost their mailbox, and tells them so (a notice, no code),
/// so a reset they did not ask for does not go unnoticed.
/// </summary>
public sealed record ResetTwoFactorCommand(Guid UserId) : IRequest, IAdminChange;

internal sealed class ResetTwoFactorCommandHandler(IApplicationDbContext db, AdminChange change) : IRequestHandler<ResetTwoFactorCommand>
{
    public const string NoticeSubject = "Your two-factor authentication was reset";

    public async Task<Unit> Handle(ResetTwoFactorCommand request, CancellationToken cancellationToken)
    {
        var user = await db.GetUserForUpdateAsync(request.UserId, cancellationToken);
        change.EnsureCallerMayManage(user);
        user.DisableTwoFactor();
        change.Record(AuditEventTypes.TwoFactorReset, AuditParty.Of(user));
        change.Notify(new EmailMessage(
            user.Email,
            NoticeSubject,
            $"An administrator turned off two-factor authentication for your ChatPlatform account {user.UserName}.\r\n" +
            "You sign in with your password alone until you turn it on again.\r\n" +
            "If you did not ask for this, change your password and contact an administrator."));
        return Unit.Value;
    }
}
