using ChatPlatform.Domain.Roles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatPlatform.Infrastructure.Persistence.Configurations;

internal sealed class RoleConfiguration : IEntityTypeConfiguration<Role>
{
    public const string NameIndex = "ix_roles_normalized_name";

    public void Configure(EntityTypeBuilder<Role> builder)
    {
        builder.ToTable("roles");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(Role.NameMaxLength);
        builder.Property(r => r.NormalizedName).HasMaxLength(Role.NameMaxLength);
        builder.Property(r => r.Description).HasMaxLength(Role.DescriptionMaxLength);
        builder.HasIndex(r => r.NormalizedName).IsUnique().HasDatabaseName(NameIndex);
        builder.Ignore(r => r.GrantsEverything);

        builder.HasMany(r => r.Permissions)
            .WithMany()
            .UsingEntity<Dictionary<string, object>>(
                "role_permissions",
                j => j.HasOne<Permission>().WithMany().HasForeignKey("PermissionCode").OnDelete(DeleteBehavior.Cascade),
                j => j.HasOne<Role>().WithMany().HasForeignKey("RoleId").OnDelete(DeleteBehavior.Cascade));
        builder.Navigation(r => r.Permissions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
