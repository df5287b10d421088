using ChatPlatform.Application.Messages.Common;
using ChatPlatform.Domain.Messages;

namespace ChatPlatform.Infrastructure.Chat;

/// <summary>A message waiting in its room's queue, and the sender waiting for it to be stored.</summary>
internal sealed class PendingMessage(Message message, MessageDto dto)
{
    public Message Message { get; } = message;
    public MessageDto Dto { get; } = dto;
    public TaskCompletionSource<MessageDto> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
