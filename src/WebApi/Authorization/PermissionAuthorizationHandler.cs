using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using Microsoft.AspNetCore.Authorization;

namespace ChatPlatform.WebApi.Authorization;

/// <summary>
/// Grants a permission from the roles in the access token and the in-memory catalogue. Role
/// changes revoke existing tokens, so the token's roles are always the current ones.
/// </summary>
internal sealed class PermissionAuthorizationHandler(IPermissionCatalogue catalogue) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var roles = context.User.FindAll(AccessTokenClaims.Role).Select(c => c.Value);
        if (catalogue.Grants(roles, requirement.Permission))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
