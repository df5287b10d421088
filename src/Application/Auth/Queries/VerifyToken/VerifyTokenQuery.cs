using ChatPlatform.Application.Auth.Common;
using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using MediatR;

namespace ChatPlatform.Application.Auth.Queries.VerifyToken;

/// <summary>Says whether an access or refresh token would be accepted now, without spending it.</summary>
public sealed record VerifyTokenQuery(string Token) : IRequest<VerifyTokenResult>;

internal sealed class VerifyTokenQueryHandler(ITokenService tokens, RefreshTokenLookup lookup)
    : IRequestHandler<VerifyTokenQuery, VerifyTokenResult>
{
    public async Task<VerifyTokenResult> Handle(VerifyTokenQuery request, CancellationToken cancellationToken)
    {
        // Access tokens are JWTs (three dot-separated parts); refresh tokens are opaque.
        if (request.Token.Count(c => c == '.') == 2)
        {
            var check = await tokens.CheckAccessTokenAsync(request.Token);
            return check.IsValid
                ? new VerifyTokenResult(true, "access", check.ExpiresAt)
                : throw new AuthenticationFailedException(check.ErrorCode!, "The access token is not valid.");
        }

        var found = await lookup.FindUsableAsync(request.Token, revokeOnReuse: false, cancellationToken);
        return new VerifyTokenResult(true, "refresh", found.Token.ExpiresAt);
    }
}
