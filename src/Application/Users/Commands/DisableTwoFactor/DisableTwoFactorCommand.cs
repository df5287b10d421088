using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Application.Users.Common;
using ChatPlatform.Domain.Audit;
using MediatR;

namespace ChatPlatform.Application.Users.Commands.DisableTwoFactor;

/// <summary>Turns two-factor off; the password is asked again so a stolen access token alone cannot.</summary>
public sealed record DisableTwoFactorCommand(string Password) : IRequest;

internal sealed class DisableTwoFactorCommandHandler(
    IApplicationDbContext db, ICurrentUser caller, IIdentityService identity, IAuditTrail audit)
    : IRequestHandler<DisableTwoFactorCommand>
{
    public async Task<Unit> Handle(DisableTwoFactorCommand request, CancellationToken cancellationToken)
    {
        var user = await db.GetUserAsync(caller.Id, cancellationToken);
        await PasswordConfirmation.EnsureAsync(identity, user, request.Password, cancellationToken);
        user.DisableTwoFactor();
        audit.Add(AuditEventTypes.TwoFactorDisabled, AuditParty.Of(user), AuditParty.Of(user));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
