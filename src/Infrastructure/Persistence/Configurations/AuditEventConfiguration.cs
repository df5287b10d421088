using System.Text.Json;
using ChatPlatform.Domain.Audit;
using ChatPlatform.Domain.Sessions;
using ChatPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatPlatform.Infrastructure.Persistence.Configurations;

/// <summary>
/// Events keep usernames, not foreign keys, so the record outlives the accounts. The indexes
/// serve newest-first pages of all events, of one user (as actor or subject) and of one type.
/// </summary>
internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("audit_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Sequence).UseIdentityAlwaysColumn();
        builder.HasIndex(e => e.Sequence).IsUnique();
        builder.Property(e => e.Type).HasMaxLength(AuditEventTypes.MaxLength);
        builder.Property(e => e.ActorName).HasMaxLength(UserRules.UserNameMaxLength);
        builder.Property(e => e.SubjectName).HasMaxLength(UserRules.UserNameMaxLength);
        builder.Property(e => e.IpAddress).HasMaxLength(Session.IpAddressMaxLength);
        builder.Property(e => e.Details)
            .HasColumnType("jsonb")
            .HasConversion(
                details => JsonSerializer.Serialize(details, (JsonSerializerOptions?)null),
                json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, (JsonSerializerOptions?)null) ?? new Dictionary<string, string>(),
                new ValueComparer<IReadOnlyDictionary<string, string>>(
                    (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                    d => d.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
                    d => d.ToDictionary(pair => pair.Key, pair => pair.Value)));
        builder.HasIndex(e => new { e.ActorId, e.Sequence });
        builder.HasIndex(e => new { e.SubjectId, e.Sequence });
        builder.HasIndex(e => new { e.Type, e.Sequence });
        builder.HasIndex(e => e.At);
    }
}
