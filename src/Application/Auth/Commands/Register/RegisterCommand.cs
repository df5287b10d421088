using AutoMapper;
using ChatPlatform.Application.Auth.Common;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Users.Common;
using ChatPlatform.Domain.Roles;
using ChatPlatform.Domain.Users;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Auth.Commands.Register;

/// <summary>
/// Self-registration. Only these fields bind: roles cannot be asked for. A confirmation code goes
/// to the address, stored with the account in one save.
/// </summary>
public sealed record RegisterCommand(
    string Username,
    string Email,
    string Password,
    string ConfirmPassword,
    string? FirstName,
    string? LastName) : IRequest<UserDto>;

internal sealed class RegisterCommandHandler(
    IApplicationDbContext db, IIdentityService identity, AccountCodes codes, IMapper mapper, TimeProvider clock)
    : IRequestHandler<RegisterCommand, UserDto>
{
    public async Task<UserDto> Handle(RegisterCommand request, CancellationToken cancellationToken)
    {
        var defaultRole = await db.Roles
            .Include(r => r.Permissions)
            .SingleAsync(r => r.NormalizedName == SystemRoles.UserKey, cancellationToken);

        var user = User.Create(request.Username, request.Email, request.FirstName, request.LastName, clock.GetUtcNow());
        user.AddRole(defaultRole);
        codes.Issue(user, AccountCodePurpose.EmailConfirmation, user.Email);
        await identity.CreateAsync(user, request.Password);

        return mapper.Map<UserDto>(user);
    }
}
