using ChatPlatform.Application.Messages.Common;

namespace ChatPlatform.Application.Common.Events;

public sealed record MessageStored(Guid RoomId, MessageDto Message) : BusEvent;
