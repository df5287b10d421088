using ChatPlatform.Application.Auth.Common;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Application.Users.Common;
using ChatPlatform.Domain.Audit;
using ChatPlatform.Domain.Sessions;
using MediatR;

namespace ChatPlatform.Application.Users.Commands.ChangePassword;

/// <summary>Changes the caller's password; every other session of theirs ends, the current one stays, and a notice is emailed.</summary>
public sealed record ChangePasswordCommand(string CurrentPassword, string NewPassword) : IRequest;

internal sealed class ChangePasswordCommandHandler(
    IApplicationDbContext db, ICurrentUser caller, IIdentityService identity, SessionRevocation revocation, IAuditTrail audit, IEmailSender email)
    : IRequestHandler<ChangePasswordCommand>
{
    public async Task<Unit> Handle(ChangePasswordCommand request, CancellationToken cancellationToken)
    {
        var user = await db.GetUserAsync(caller.Id, cancellationToken);
        await PasswordConfirmation.EnsureAsync(identity, user, request.CurrentPassword, cancellationToken);

        audit.Add(AuditEventTypes.PasswordChanged, AuditParty.Of(user), AuditParty.Of(user));
        email.Enqueue(AccountEmails.PasswordChanged(user));
        await identity.SetPasswordAsync(user, request.NewPassword);
        await revocation.RevokeAllAsync(user.Id, RevocationReasons.PasswordChanged, accessToken: null, keep: caller.SessionId, cancellationToken);
        return Unit.Value;
    }
}
