namespace ChatPlatform.Application.Auth.Queries.HasPermission;

public sealed record HasPermissionResult(string Permission, bool HasPermission);
