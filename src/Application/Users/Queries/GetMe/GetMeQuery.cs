using AutoMapper;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Users.Common;
using MediatR;

namespace ChatPlatform.Application.Users.Queries.GetMe;

public sealed record GetMeQuery : IRequest<UserDto>;

internal sealed class GetMeQueryHandler(IApplicationDbContext db, ICurrentUser caller, IMapper mapper)
    : IRequestHandler<GetMeQuery, UserDto>
{
    public async Task<UserDto> Handle(GetMeQuery request, CancellationToken cancellationToken) =>
        await db.GetUserDtoAsync(mapper, caller.Id, cancellationToken);
}
