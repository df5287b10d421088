using ChatPlatform.Application.Auth.Common;
using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Application.Users.Common;
using ChatPlatform.Domain.Audit;
using ChatPlatform.Domain.Users;
using MediatR;

namespace ChatPlatform.Application.Users.Commands.ConfirmTwoFactor;

/// <summary>Turns two-factor on with the newest code sent by the enable step; after its attempts run out, only a new enable helps.</summary>
public sealed record ConfirmTwoFactorCommand(string Code) : IRequest;

internal sealed class ConfirmTwoFactorCommandHandler(IApplicationDbContext db, ICurrentUser caller, TwoFactorCodes codes, IAuditTrail audit)
    : IRequestHandler<ConfirmTwoFactorCommand>
{
    public async Task<Unit> Handle(ConfirmTwoFactorCommand request, CancellationToken cancellationToken)
    {
        var entry = await codes.FindLatestAsync(caller.Id, TwoFactorPurpose.Enable, cancellationToken);
        if (entry is null || await codes.RedeemAsync(entry, request.Code, cancellationToken) != RedeemResult.Redeemed)
        {
            throw new InvalidRequestException(ErrorCodes.InvalidCode, "The code is wrong, expired or already used.", "code");
        }

        var user = await db.GetUserAsync(caller.Id, cancellationToken);
        user.EnableTwoFactor();
        audit.Add(AuditEventTypes.TwoFactorEnabled, AuditParty.Of(user), AuditParty.Of(user));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
