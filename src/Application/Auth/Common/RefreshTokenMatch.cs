using ChatPlatform.Domain.Sessions;

namespace ChatPlatform.Application.Auth.Common;

internal sealed record RefreshTokenMatch(RefreshToken Token, Session Session);
