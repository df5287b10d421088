namespace ChatPlatform.Application.Common.Models;

/// <summary>Configuration section <c>Identity</c>: account recovery and email confirmation.</summary>
public sealed class AccountSettings
{
    public const string SectionName = "Identity";

    /// <summary>How long a password reset code works (<c>Identity:PasswordResetLifetime</c>).</summary>
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long an email confirmation code works (<c>Identity:EmailConfirmationLifetime</c>).</summary>
    public TimeSpan EmailConfirmationLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>When true, a password login needs a confirmed email (<c>Identity:RequireConfirmedEmail</c>).</summary>
    public bool RequireConfirmedEmail { get; set; }
}
