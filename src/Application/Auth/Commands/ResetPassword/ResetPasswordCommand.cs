using ChatPlatform.Application.Auth.Common;
using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Domain.Audit;
using ChatPlatform.Domain.Sessions;
using ChatPlatform.Domain.Users;
using MediatR;

namespace ChatPlatform.Application.Auth.Commands.ResetPassword;

/// <summary>
/// Sets a new password with an emailed reset code. In one transaction: the code is spent, the
/// password set, a lockout after failed attempts ended, every session revoked (on every instance,
/// hub connections included) and a notice queued; a refused new password undoes the lot, code included.
/// </summary>
public sealed record ResetPasswordCommand(string Email, string Code, string NewPassword) : IRequest;

internal sealed class ResetPasswordCommandHandler(
    IApplicationDbContext db, IIdentityService identity, AccountCodes codes, SessionRevocation revocation, IEmailSender email, IAuditTrail audit)
    : IRequestHandler<ResetPasswordCommand>
{
    public async Task<Unit> Handle(ResetPasswordCommand request, CancellationToken cancellationToken)
    {
        var user = await identity.FindByUserNameOrEmailAsync(request.Email, cancellationToken) ?? throw InvalidCode();

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        if (!await codes.RedeemAsync(user.Id, AccountCodePurpose.PasswordReset, user.Email, request.Code, cancellationToken))
        {
            // The attempt the wrong code took is kept.
            await transaction.CommitAsync(cancellationToken);
            throw InvalidCode();
        }

        user.ClearLockout();
        email.Enqueue(AccountEmails.PasswordWasReset(user));
        await identity.SetPasswordAsync(user, request.NewPassword);
        audit.Add(AuditEventTypes.PasswordReset, AuditParty.Of(user), AuditParty.Of(user));
        await revocation.RevokeAllAsync(user.Id, RevocationReasons.PasswordReset, accessToken: null, keep: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Unit.Value;
    }

    private static InvalidRequestException InvalidCode() =>
        new(ErrorCodes.InvalidCode, "The code is wrong, expired, already used, or not for this address.", "code");
}
