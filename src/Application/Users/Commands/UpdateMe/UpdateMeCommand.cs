using AutoMapper;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Users.Common;
using MediatR;

namespace ChatPlatform.Application.Users.Commands.UpdateMe;

/// <summary>
/// The caller's own profile; a null field is left as it is. Only these fields bind, so roles or
/// permissions in the body cannot change anything.
/// </summary>
public sealed record UpdateMeCommand(string? Username, string? Email, string? FirstName, string? LastName) : IRequest<UserDto>;

internal sealed class UpdateMeCommandHandler(
    IApplicationDbContext db, ICurrentUser caller, IIdentityService identity, IMapper mapper)
    : IRequestHandler<UpdateMeCommand, UserDto>
{
    public async Task<UserDto> Handle(UpdateMeCommand request, CancellationToken cancellationToken)
    {
        var user = await db.GetUserAsync(caller.Id, cancellationToken);
        user.ChangeName(request.FirstName ?? user.FirstName, request.LastName ?? user.LastName);
        await identity.ChangeAccountNamesAsync(user, request.Username, request.Email, cancellationToken);
        return mapper.Map<UserDto>(user);
    }
}
