using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Users.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Users.Queries.GetUserSessions;

/// <summary>A user's signed-in devices, for an administrator; none is the caller's, so none is current.</summary>
public sealed record GetUserSessionsQuery(Guid UserId) : IRequest<IReadOnlyList<SessionDto>>;

internal sealed class GetUserSessionsQueryHandler(IApplicationDbContext db, TimeProvider clock)
    : IRequestHandler<GetUserSessionsQuery, IReadOnlyList<SessionDto>>
{
    public async Task<IReadOnlyList<SessionDto>> Handle(GetUserSessionsQuery request, CancellationToken cancellationToken)
    {
        if (!await db.Users.AnyAsync(u => u.Id == request.UserId, cancellationToken))
        {
            throw new NotFoundException("No user has that id.");
        }

        return await db.LiveSessionsAsync(request.UserId, current: null, clock.GetUtcNow(), cancellationToken);
    }
}
