using ChatPlatform.Application.Messages.Common;

namespace ChatPlatform.Application.Messages.Queries.GetMessages;

/// <summary>Messages newest first; pass <see cref="NextBefore"/> as <c>before</c> for older ones (null: no more).</summary>
public sealed record MessagePage(IReadOnlyList<MessageDto> Items, Guid? NextBefore);
