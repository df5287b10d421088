using Microsoft.Extensions.Options;
using MimeKit;

namespace ChatPlatform.Infrastructure.Email;

/// <summary>
/// Stops start-up with a clear message when email cannot be delivered, rather than answering 500 to
/// the first request that sends one (registration, two-factor, password reset).
/// </summary>
internal sealed class EmailSettingsValidator : IValidateOptions<EmailSettings>
{
    public ValidateOptionsResult Validate(string? name, EmailSettings options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.PickupDirectory) && string.IsNullOrWhiteSpace(options.Smtp.Host))
        {
            failures.Add(
                "Email is not configured: set Email__Smtp__Host (with Email__Smtp__Port, __Username, __Password, __From) " +
                "to send through an SMTP server, or Email__PickupDirectory to write each email to a folder instead.");
        }

        if (options.Smtp.Port is < 1 or > 65535)
        {
            failures.Add("Email:Smtp:Port must be between 1 and 65535.");
        }

        if (!MailboxAddress.TryParse(options.Smtp.From, out _))
        {
            failures.Add($"Email:Smtp:From is not an email address: '{options.Smtp.From}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
