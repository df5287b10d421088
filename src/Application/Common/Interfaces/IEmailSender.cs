using ChatPlatform.Application.Common.Models;

namespace ChatPlatform.Application.Common.Interfaces;

/// <summary>Sends email: through SMTP, or into a pickup directory in development and tests.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
