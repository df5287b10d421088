using ChatPlatform.Application.Auth.Common;

namespace ChatPlatform.Application.Auth.Commands.Login;

/// <summary>Either the token pair, or (two-factor on) the challenge to answer with the emailed code.</summary>
public sealed record LoginResult(TokenPairDto? Tokens, TwoFactorChallengeDto? Challenge);
