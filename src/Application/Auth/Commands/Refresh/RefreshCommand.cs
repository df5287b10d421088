using ChatPlatform.Application.Auth.Common;
using MediatR;

namespace ChatPlatform.Application.Auth.Commands.Refresh;

/// <summary>Spends a refresh token for a new token pair of the same session.</summary>
public sealed record RefreshCommand(string? RefreshToken) : IRequest<TokenPairDto>;
