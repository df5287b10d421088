using ChatPlatform.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatPlatform.Infrastructure.Persistence.Configurations;

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> builder)
    {
        builder.ToTable("email_outbox");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Recipient).HasMaxLength(256);
        builder.Property(e => e.Subject).HasMaxLength(200);
        builder.Property(e => e.LastError).HasMaxLength(500);

        // The dispatcher's query: only rows still waiting are in the index.
        builder.HasIndex(e => e.NextAttemptAt).HasFilter("\"SentAt\" IS NULL AND \"FailedAt\" IS NULL");
        builder.HasIndex(e => e.SentAt);
        builder.HasIndex(e => e.FailedAt);
    }
}
