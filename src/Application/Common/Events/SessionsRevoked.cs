using ChatPlatform.Application.Common.Models;

namespace ChatPlatform.Application.Common.Events;

public sealed record SessionsRevoked(Revocation Revocation) : BusEvent;
