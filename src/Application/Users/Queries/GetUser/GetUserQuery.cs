using AutoMapper;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Users.Common;
using MediatR;

namespace ChatPlatform.Application.Users.Queries.GetUser;

public sealed record GetUserQuery(Guid Id) : IRequest<UserDto>;

internal sealed class GetUserQueryHandler(IApplicationDbContext db, IMapper mapper) : IRequestHandler<GetUserQuery, UserDto>
{
    public Task<UserDto> Handle(GetUserQuery request, CancellationToken cancellationToken) =>
        db.GetUserDtoAsync(mapper, request.Id, cancellationToken);
}
