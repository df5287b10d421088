using System.Net;
using System.Net.Mail;
using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatPlatform.Infrastructure.Email;

/// <summary>Sends email through the SMTP server of <c>Email:Smtp</c>.</summary>
internal sealed class SmtpEmailSender(IOptions<EmailSettings> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            throw new InvalidOperationException("Email:Smtp:Host (or Email:PickupDirectory) must be configured to send email.");
        }

        using var mail = MailMessages.Create(message, smtp.From);
        using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl };
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            client.Credentials = new NetworkCredential(smtp.Username, smtp.Password);
        }

        await client.SendMailAsync(mail, cancellationToken);
        logger.LogInformation("Sent email {Subject} through {SmtpHost}", message.Subject, smtp.Host);
    }
}
