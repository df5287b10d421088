using ChatPlatform.Domain.Roles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatPlatform.Infrastructure.Persistence.Configurations;

internal sealed class PermissionConfiguration : IEntityTypeConfiguration<Permission>
{
    /// <summary>EF's name for the key, as the first migration created it.</summary>
    public const string PrimaryKey = "PK_permissions";

    public void Configure(EntityTypeBuilder<Permission> builder)
    {
        builder.ToTable("permissions");
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(Permission.CodeMaxLength);
        builder.Property(p => p.Description).HasMaxLength(Permission.DescriptionMaxLength);
    }
}
