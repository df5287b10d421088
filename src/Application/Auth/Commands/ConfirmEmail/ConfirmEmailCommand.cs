using ChatPlatform.Application.Auth.Common;
using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Domain.Audit;
using ChatPlatform.Domain.Users;
using MediatR;

namespace ChatPlatform.Application.Auth.Commands.ConfirmEmail;

/// <summary>Confirms the user's current email address with the newest code sent to it.</summary>
public sealed record ConfirmEmailCommand(Guid UserId, string Code) : IRequest;

internal sealed class ConfirmEmailCommandHandler(IApplicationDbContext db, AccountCodes codes, IAuditTrail audit)
    : IRequestHandler<ConfirmEmailCommand>
{
    public async Task<Unit> Handle(ConfirmEmailCommand request, CancellationToken cancellationToken)
    {
        var user = await db.Users.FindAsync([request.UserId], cancellationToken);
        if (user is null || !await codes.RedeemAsync(user.Id, AccountCodePurpose.EmailConfirmation, user.Email, request.Code, cancellationToken))
        {
            throw new InvalidRequestException(ErrorCodes.InvalidCode, "The code is wrong, expired, already used, or not for this account's address.", "code");
        }

        user.ConfirmEmail();
        audit.Add(AuditEventTypes.EmailConfirmed, AuditParty.Of(user), AuditParty.Of(user), new Dictionary<string, string> { ["email"] = user.Email });
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
