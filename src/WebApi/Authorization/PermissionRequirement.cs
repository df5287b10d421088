using Microsoft.AspNetCore.Authorization;

namespace ChatPlatform.WebApi.Authorization;

/// <summary>The caller must hold the permission, through any of their roles.</summary>
public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;
