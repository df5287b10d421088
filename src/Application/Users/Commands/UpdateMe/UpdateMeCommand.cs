using AutoMapper;
using ChatPlatform.Application.Auth.Common;
using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Application.Users.Common;
using ChatPlatform.Domain.Audit;
using ChatPlatform.Domain.Users;
using MediatR;

namespace ChatPlatform.Application.Users.Commands.UpdateMe;

/// <summary>
/// The caller's own profile; a null field is left as it is. Only these fields bind, so roles or
/// permissions in the body cannot change anything. Moving the email needs the password, so a
/// stolen access token alone cannot take the account's recovery address; the old address is told,
/// and the new one stays unconfirmed until the code sent to it comes back.
/// </summary>
public sealed record UpdateMeCommand(string? Username, string? Email, string? FirstName, string? LastName, string? CurrentPassword = null)
    : IRequest<UserDto>;

internal sealed class UpdateMeCommandHandler(
    IApplicationDbContext db, ICurrentUser caller, IIdentityService identity, IEmailSender email, IAuditTrail audit, AccountCodes codes, IMapper mapper)
    : IRequestHandler<UpdateMeCommand, UserDto>
{
    public async Task<UserDto> Handle(UpdateMeCommand request, CancellationToken cancellationToken)
    {
        var user = await db.GetUserAsync(caller.Id, cancellationToken);
        var oldEmail = user.Email;
        var emailChanges = request.Email is not null && !string.Equals(request.Email, oldEmail, StringComparison.Ordinal);
        if (emailChanges)
        {
            if (string.IsNullOrEmpty(request.CurrentPassword))
            {
                throw new ValidationException("currentPassword", "The current password is required to change the email address.");
            }

            await PasswordConfirmation.EnsureAsync(identity, user, request.CurrentPassword, cancellationToken);
        }

        user.ChangeName(request.FirstName ?? user.FirstName, request.LastName ?? user.LastName);
        if (emailChanges)
        {
            // Queued before the save that changes the address, so they are stored with it or not at all.
            email.Enqueue(AccountEmails.EmailChanged(user, oldEmail, request.Email!));
            codes.Issue(user, AccountCodePurpose.EmailConfirmation, request.Email!);
            audit.Add(AuditEventTypes.EmailChanged, AuditParty.Of(user), AuditParty.Of(user), new Dictionary<string, string> { ["from"] = oldEmail, ["to"] = request.Email! });
        }

        await identity.ChangeAccountNamesAsync(user, request.Username, request.Email);

        return mapper.Map<UserDto>(user);
    }
}
