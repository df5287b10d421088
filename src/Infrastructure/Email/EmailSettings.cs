namespace ChatPlatform.Infrastructure.Email;

/// <summary>Configuration section <c>Email</c>: a pickup directory (development, tests) or an SMTP server.</summary>
public sealed class EmailSettings
{
    public const string SectionName = "Email";

    public string? PickupDirectory { get; set; }
    public SmtpSettings Smtp { get; set; } = new();
}
