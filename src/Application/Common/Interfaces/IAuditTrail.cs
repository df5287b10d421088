using ChatPlatform.Application.Common.Models;

namespace ChatPlatform.Application.Common.Interfaces;

/// <summary>The audit log of security events, written with the changes they record.</summary>
public interface IAuditTrail
{
    /// <summary>
    /// Adds the event to the current unit of work: the next <c>SaveChangesAsync</c> writes it, in
    /// the same transaction as the change it records; the request's client address is taken
    /// from the request. <paramref name="details"/> must never hold a password, code or token.
    /// </summary>
    /// <param name="type">One of <see cref="Domain.Audit.AuditEventTypes"/>.</param>
    /// <param name="actor">Who did it; null when nobody signed in did (a failed login).</param>
    /// <param name="subject">The account it concerns; null for none (a role change, a login of an unknown name).</param>
    void Add(string type, AuditParty? actor, AuditParty? subject, IReadOnlyDictionary<string, string>? details = null);
}
