using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Users.Common;
using MediatR;

namespace ChatPlatform.Application.Users.Queries.GetMySessions;

/// <summary>The caller's signed-in devices, newest first, the one making the request marked current.</summary>
public sealed record GetMySessionsQuery : IRequest<IReadOnlyList<SessionDto>>;

internal sealed class GetMySessionsQueryHandler(IApplicationDbContext db, ICurrentUser caller, TimeProvider clock)
    : IRequestHandler<GetMySessionsQuery, IReadOnlyList<SessionDto>>
{
    public Task<IReadOnlyList<SessionDto>> Handle(GetMySessionsQuery request, CancellationToken cancellationToken) =>
        db.LiveSessionsAsync(caller.Id, caller.SessionId, clock.GetUtcNow(), cancellationToken);
}
