namespace ChatPlatform.Application.Roles.Common;

public sealed record PermissionDto
{
    public string Code { get; init; } = string.Empty;
    public string? Description { get; init; }
    public bool IsSystem { get; init; }
}
