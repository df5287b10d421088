using ChatPlatform.Domain.Messages;
using ChatPlatform.Domain.Rooms;
using ChatPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChatPlatform.Infrastructure.Persistence.Configurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public const string RoomForeignKey = "fk_messages_rooms_room_id";

    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToTable("messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Sequence).UseIdentityAlwaysColumn();
        builder.Property(m => m.Content).HasMaxLength(MessageRules.ContentMaxLength);

        // History pages are keyset scans of this index, newest first.
        builder.HasIndex(m => new { m.RoomId, m.Sequence }).IsUnique();
        builder.HasIndex(m => m.AuthorId);
        builder.HasOne<Room>().WithMany().HasForeignKey(m => m.RoomId)
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName(RoomForeignKey);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}
