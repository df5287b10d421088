using ChatPlatform.Application.Common.Models;

namespace ChatPlatform.Infrastructure.Email;

/// <summary>Delivers one email now: through SMTP, or into the pickup directory. Only the <see cref="EmailDispatcher"/> calls it.</summary>
internal interface IEmailTransport
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
