namespace ChatPlatform.Application.Roles.Common;

public sealed record RoleDto
{
    public string Name { get; init; } = string.Empty;
    public string? Description { get; init; }
    public IReadOnlyList<string> Permissions { get; init; } = [];
    public bool IsSystem { get; init; }
}
