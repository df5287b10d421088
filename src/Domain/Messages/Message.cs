using ChatPlatform.Domain.Common;

namespace ChatPlatform.Domain.Messages;

/// <summary>
/// What a user said in a room. <see cref="Sequence"/> is assigned by the database on insert and
/// gives the storage order that history paging and broadcasting follow.
/// </summary>
public sealed class Message
{
    private Message()
    {
        Content = string.Empty;
    }

    public Guid Id { get; private set; }
    public long Sequence { get; private set; }
    public Guid RoomId { get; private set; }
    public Guid AuthorId { get; private set; }
    public string Content { get; private set; }
    public DateTimeOffset SentAt { get; private set; }

    public static Message Send(Guid roomId, Guid authorId, string content, DateTimeOffset now)
    {
        var trimmed = content?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > MessageRules.ContentMaxLength)
        {
            throw new DomainRuleException(DomainErrorCodes.ValidationFailed, "A message is 1-4000 characters after trimming.");
        }

        return new Message
        {
            Id = Guid.CreateVersion7(now),
            RoomId = roomId,
            AuthorId = authorId,
            Content = trimmed,
            SentAt = now,
        };
    }

    public bool IsWrittenBy(Guid userId) => AuthorId == userId;
}
