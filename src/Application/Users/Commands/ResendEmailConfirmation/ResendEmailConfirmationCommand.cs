using ChatPlatform.Application.Auth.Common;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Domain.Users;
using MediatR;

namespace ChatPlatform.Application.Users.Commands.ResendEmailConfirmation;

/// <summary>Emails the caller a new confirmation code, which kills the one before; an address already confirmed gets nothing.</summary>
public sealed record ResendEmailConfirmationCommand : IRequest;

internal sealed class ResendEmailConfirmationCommandHandler(IApplicationDbContext db, ICurrentUser caller, AccountCodes codes)
    : IRequestHandler<ResendEmailConfirmationCommand>
{
    public async Task<Unit> Handle(ResendEmailConfirmationCommand request, CancellationToken cancellationToken)
    {
        var user = await db.Users.FindAsync([caller.Id], cancellationToken);
        if (user is { EmailConfirmed: false })
        {
            codes.Issue(user, AccountCodePurpose.EmailConfirmation, user.Email);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
