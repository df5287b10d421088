using ChatPlatform.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatPlatform.Infrastructure.Persistence.Configurations;

internal sealed class RevokedAccessTokenConfiguration : IEntityTypeConfiguration<RevokedAccessToken>
{
    public void Configure(EntityTypeBuilder<RevokedAccessToken> builder)
    {
        builder.ToTable("revoked_access_tokens");
        builder.HasKey(t => t.Jti);
        builder.Property(t => t.Jti).HasMaxLength(64);
        builder.HasIndex(t => t.ExpiresAt);
    }
}
