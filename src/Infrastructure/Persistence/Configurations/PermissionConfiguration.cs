using ChatPlatform.Domain.Roles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatPlatform.Infrastructure.Persistence.Configurations;

internal sealed class PermissionConfiguration : IEntityTypeConfiguration<Permission>
{
    public void Configure(EntityTypeBuilder<Permission> builder)
    {
        builder.ToTable("permissions");
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(Permission.CodeMaxLength);
        builder.Property(p => p.Description).HasMaxLength(Permission.DescriptionMaxLength);
    }
}
