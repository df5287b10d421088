namespace ChatPlatform.Application.Messages.Common;

/// <summary>A stored message; <see cref="Sequence"/> grows with every message stored in its room (stored order).</summary>
public sealed record MessageDto(Guid Id, string Room, long Sequence, string Username, string Content, DateTimeOffset SentAt);
