namespace ChatPlatform.Infrastructure.Email;

/// <summary>Configuration section <c>Email:Smtp</c>.</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public bool EnableSsl { get; set; } = true;
    public string From { get; set; } = "ChatPlatform <no-reply@chatplatform.local>";
}
