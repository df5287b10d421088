using ChatPlatform.Domain.Roles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace ChatPlatform.WebApi.Authorization;

/// <summary>
/// One policy per permission code, named by the code itself (<c>[Authorize(Policy = "rooms.create")]</c>).
/// Built on demand, because admins add permissions at run time; cached by ASP.NET Core.
/// </summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : IAuthorizationPolicyProvider
{
    private readonly DefaultAuthorizationPolicyProvider _fallback = new(options);

    public bool AllowsCachingPolicies => true;

    public Task<AuthorizationPolicy> GetDefaultPolicyAsync() => _fallback.GetDefaultPolicyAsync();

    public Task<AuthorizationPolicy?> GetFallbackPolicyAsync() => _fallback.GetFallbackPolicyAsync();

    public async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (await _fallback.GetPolicyAsync(policyName) is { } named)
        {
            return named;
        }

        return System.Text.RegularExpressions.Regex.IsMatch(policyName, Permission.CodePattern)
            ? new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(policyName)).Build()
            : null;
    }
}
