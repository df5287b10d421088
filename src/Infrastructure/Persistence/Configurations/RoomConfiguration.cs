using ChatPlatform.Domain.Rooms;
using ChatPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatPlatform.Infrastructure.Persistence.Configurations;

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public const string NameIndex = "ix_rooms_normalized_name";

    public void Configure(EntityTypeBuilder<Room> builder)
    {
        builder.ToTable("rooms");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(RoomRules.NameMaxLength);
        builder.Property(r => r.NormalizedName).HasMaxLength(RoomRules.NameMaxLength);
        builder.Property(r => r.Description).HasMaxLength(RoomRules.DescriptionMaxLength);
        builder.HasIndex(r => r.NormalizedName).IsUnique().HasDatabaseName(NameIndex);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.Cascade);
    }
}
