namespace ChatPlatform.Infrastructure.Persistence;

/// <summary>Configuration section <c>Bootstrap</c>: the first admin, created once when all three are set.</summary>
public sealed class BootstrapAdminSettings
{
    public const string SectionName = "Bootstrap";

    public string? AdminUsername { get; set; }
    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }

    public bool IsComplete =>
        !string.IsNullOrWhiteSpace(AdminUsername) && !string.IsNullOrWhiteSpace(AdminEmail) && !string.IsNullOrWhiteSpace(AdminPassword);
}
