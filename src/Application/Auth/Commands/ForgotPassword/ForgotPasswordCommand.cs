using ChatPlatform.Application.Auth.Common;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Domain.Users;
using MediatR;

namespace ChatPlatform.Application.Auth.Commands.ForgotPassword;

/// <summary>
/// Queues a reset code to the address when an account has it; answers the same either way. The
/// email is only a row in the outbox here, so no mail server's time shows which addresses exist.
/// </summary>
public sealed record ForgotPasswordCommand(string Email) : IRequest;

internal sealed class ForgotPasswordCommandHandler(IApplicationDbContext db, IIdentityService identity, AccountCodes codes)
    : IRequestHandler<ForgotPasswordCommand>
{
    public async Task<Unit> Handle(ForgotPasswordCommand request, CancellationToken cancellationToken)
    {
        var user = await identity.FindByUserNameOrEmailAsync(request.Email, cancellationToken);
        if (user is not null)
        {
            codes.Issue(user, AccountCodePurpose.PasswordReset, user.Email);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
