using ChatPlatform.Domain.Roles;
using ChatPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatPlatform.Infrastructure.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public const string UserNameIndex = "ix_users_normalized_user_name";
    public const string EmailIndex = "ix_users_normalized_email";

    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.UserName).HasMaxLength(UserRules.UserNameMaxLength);
        builder.Property(u => u.NormalizedUserName).HasMaxLength(UserRules.UserNameMaxLength);
        builder.Property(u => u.Email).HasMaxLength(UserRules.EmailMaxLength);
        builder.Property(u => u.NormalizedEmail).HasMaxLength(UserRules.EmailMaxLength);
        builder.Property(u => u.FirstName).HasMaxLength(UserRules.NameMaxLength);
        builder.Property(u => u.LastName).HasMaxLength(UserRules.NameMaxLength);
        builder.Property(u => u.PasswordHash).HasMaxLength(512);
        builder.Property(u => u.SecurityStamp).HasMaxLength(64);

        // Uniqueness lives in the database so that racing registrations cannot both win.
        builder.HasIndex(u => u.NormalizedUserName).IsUnique().HasDatabaseName(UserNameIndex);
        builder.HasIndex(u => u.NormalizedEmail).IsUnique().HasDatabaseName(EmailIndex);

        // PostgreSQL's xmin guards concurrent updates of the same user.
        builder.Property<uint>("Version").IsRowVersion();

        builder.HasMany(u => u.Roles)
            .WithMany()
            .UsingEntity<Dictionary<string, object>>(
                "user_roles",
                j => j.HasOne<Role>().WithMany().HasForeignKey("RoleId").OnDelete(DeleteBehavior.Cascade),
                j => j.HasOne<User>().WithMany().HasForeignKey("UserId").OnDelete(DeleteBehavior.Cascade));
        builder.Navigation(u => u.Roles).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
