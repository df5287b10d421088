using ChatPlatform.Application.Messages.Common;

namespace ChatPlatform.Application.Messages.Queries.GetMessagesAfter;

/// <summary>Messages oldest first; pass <see cref="NextAfter"/> as <c>after</c> for the next ones (null: caught up).</summary>
public sealed record MessagesAfterPage(IReadOnlyList<MessageDto> Items, Guid? NextAfter);
