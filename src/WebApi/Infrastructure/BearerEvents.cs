using ChatPlatform.Application.Common.Exceptions;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatPlatform.WebApi.Infrastructure;

/// <summary>
/// Bearer authentication hooks: the hub's query-string token, the in-memory revocation check,
/// and the contract's 401/403 Problem Details with RFC 6750 challenges.
/// </summary>
internal sealed class BearerEvents(IRevocationList revocations) : JwtBearerEvents
{
    public const string HubPathPrefix = "/hubs";
    public const string QueryTokenName = "access_token";

    public override Task MessageReceived(MessageReceivedContext context)
    {
        // Browsers cannot set headers on WebSockets; accept the query token on hub paths only.
        if (context.HttpContext.Request.Path.StartsWithSegments(HubPathPrefix)
            && string.IsNullOrEmpty(context.Request.Headers.Authorization)
            && context.Request.Query[QueryTokenName].ToString() is { Length: > 0 } token)
        {
            context.Token = token;
        }

        return Task.CompletedTask;
    }

    public override Task TokenValidated(TokenValidatedContext context)
    {
        // Read from the token's parsed payload: the principal's FindFirst scans and allocates per claim asked.
        if (context.SecurityToken is not JsonWebToken token
            || !token.TryGetPayloadValue<string>(AccessTokenClaims.Session, out var session)
            || !Guid.TryParse(session, out var sessionId)
            || token.Id is not { Length: > 0 } tokenId
            || !Guid.TryParse(token.Subject, out _))
        {
            context.Fail(new SecurityTokenException("The token lacks required claims."));
        }
        else if (revocations.IsRevoked(sessionId, tokenId))
        {
            context.Fail(new AuthenticationFailedException(ErrorCodes.TokenRevoked, "The token has been revoked."));
        }

        return Task.CompletedTask;
    }

    public override async Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var code = context.AuthenticateFailure switch
        {
            null => ErrorCodes.TokenMissing,
            AuthenticationFailedException refused => refused.Code,
            SecurityTokenExpiredException => ErrorCodes.TokenExpired,
            _ => ErrorCodes.TokenInvalid,
        };
        BearerChallenge.Apply(context.Response, code, Describe(code));
        await ProblemResponses.WriteAsync(
            context.HttpContext, ProblemResponses.Create(StatusCodes.Status401Unauthorized, code, Describe(code)));
    }

    public override async Task Forbidden(ForbiddenContext context) =>
        await ProblemResponses.WriteAsync(
            context.HttpContext,
            ProblemResponses.Create(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "You do not have permission to do this."));

    private static string Describe(string code) => code switch
    {
        ErrorCodes.TokenMissing => "No access token was presented.",
        ErrorCodes.TokenExpired => "The access token has expired.",
        ErrorCodes.TokenRevoked => "The access token has been revoked.",
        _ => "The access token is not valid.",
    };
}
