using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Domain.Messages;
using Microsoft.EntityFrameworkCore;

namespace ChatPlatform.Application.Messages.Common;

/// <summary>Message reads shared by the history and catch-up queries.</summary>
internal static class MessageQueries
{
    /// <summary>The sequence of a message of the room given as a paging key; a key from elsewhere is a 400 naming <paramref name="field"/>.</summary>
    public static async Task<long> SequenceOfAsync(
        this IQueryable<Message> roomMessages, Guid messageId, string field, CancellationToken cancellationToken) =>
        await roomMessages.Where(m => m.Id == messageId).Select(m => (long?)m.Sequence).SingleOrDefaultAsync(cancellationToken)
        ?? throw new ValidationException(field, "No message with this id exists in this room.");

    public static IQueryable<MessageDto> ToDtos(this IQueryable<Message> messages, IApplicationDbContext db, string room) =>
        from message in messages
        join user in db.Users on message.AuthorId equals user.Id
        select new MessageDto(message.Id, room, message.Sequence, user.UserName, message.Content, message.SentAt);
}
