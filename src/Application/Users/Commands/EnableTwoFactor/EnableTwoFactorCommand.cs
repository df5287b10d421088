using ChatPlatform.Application.Auth.Common;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Users.Common;
using ChatPlatform.Domain.Users;
using MediatR;

namespace ChatPlatform.Application.Users.Commands.EnableTwoFactor;

/// <summary>
/// Emails the caller a code; two-factor turns on only when they confirm it, proving the address
/// works. The password is asked again so a stolen access token alone cannot turn it on.
/// </summary>
public sealed record EnableTwoFactorCommand(string Password) : IRequest;

internal sealed class EnableTwoFactorCommandHandler(IApplicationDbContext db, ICurrentUser caller, IIdentityService identity, TwoFactorCodes codes)
    : IRequestHandler<EnableTwoFactorCommand>
{
    public async Task<Unit> Handle(EnableTwoFactorCommand request, CancellationToken cancellationToken)
    {
        var user = await db.GetUserAsync(caller.Id, cancellationToken);
        await PasswordConfirmation.EnsureAsync(identity, user, request.Password, cancellationToken);
        await codes.SendAsync(user, TwoFactorPurpose.Enable, cancellationToken);
        return Unit.Value;
    }
}
