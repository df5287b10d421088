using ChatPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatPlatform.Infrastructure.Persistence.Configurations;

internal sealed class AccountCodeConfiguration : IEntityTypeConfiguration<AccountCode>
{
    public void Configure(EntityTypeBuilder<AccountCode> builder)
    {
        builder.ToTable("account_codes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.CodeHash).HasMaxLength(64);
        builder.Property(c => c.Email).HasMaxLength(UserRules.EmailMaxLength);
        builder.HasIndex(c => new { c.UserId, c.Purpose, c.CreatedAt });
        builder.HasIndex(c => c.ExpiresAt);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
