using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Audit.Queries.GetAuditEvents;

/// <summary>
/// Security events newest first by keyset: the <see cref="Limit"/> events recorded just before
/// <see cref="Before"/> (or the newest), optionally of one user (as actor or subject) and one type.
/// </summary>
public sealed record GetAuditEventsQuery(Guid? UserId, string? Type, Guid? Before, int Limit) : IRequest<AuditPage>;

internal sealed class GetAuditEventsQueryHandler(IApplicationDbContext db) : IRequestHandler<GetAuditEventsQuery, AuditPage>
{
    public async Task<AuditPage> Handle(GetAuditEventsQuery request, CancellationToken cancellationToken)
    {
        var events = db.AuditEvents.AsNoTracking();
        if (request.UserId is { } userId)
        {
            events = events.Where(e => e.ActorId == userId || e.SubjectId == userId);
        }

        if (request.Type is { } type)
        {
            events = events.Where(e => e.Type == type);
        }

        if (request.Before is { } before)
        {
            var sequence = await db.AuditEvents.Where(e => e.Id == before).Select(e => (long?)e.Sequence).SingleOrDefaultAsync(cancellationToken)
                ?? throw new ValidationException("before", "No audit event has this id.");
            events = events.Where(e => e.Sequence < sequence);
        }

        var items = await events
            .OrderByDescending(e => e.Sequence)
            .Take(request.Limit + 1)
            .Select(e => new AuditEventDto(e.Id, e.Type, e.At, e.ActorName, e.SubjectName, e.IpAddress, e.Details))
            .ToListAsync(cancellationToken);
        var hasMore = items.Count > request.Limit;
        var page = hasMore ? items.Take(request.Limit).ToList() : items;
        return new AuditPage(page, hasMore ? page[^1].Id : null);
    }
}
