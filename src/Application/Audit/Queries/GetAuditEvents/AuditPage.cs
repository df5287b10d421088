namespace ChatPlatform.Application.Audit.Queries.GetAuditEvents;

/// <summary>Events newest first; pass <see cref="NextBefore"/> as <c>before</c> for older ones (null: no more).</summary>
public sealed record AuditPage(IReadOnlyList<AuditEventDto> Items, Guid? NextBefore);
