using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Domain.Audit;
using ChatPlatform.Infrastructure.Persistence;

namespace ChatPlatform.Infrastructure.Audit;

/// <summary>Adds audit events to the request's context, so they commit (or roll back) with the change they record.</summary>
internal sealed class AuditTrail(ApplicationDbContext db, IClientInfo client, TimeProvider clock) : IAuditTrail
{
    public void Add(string type, AuditParty? actor, AuditParty? subject, IReadOnlyDictionary<string, string>? details = null) =>
        db.AuditEvents.Add(AuditEvent.Record(
            type,
            clock.GetUtcNow(),
            actor is null ? null : (actor.Id, actor.UserName),
            subject is null ? null : (subject.Id, subject.UserName),
            client.IpAddress,
            details));
}
