using ChatPlatform.Application.Common.Models;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatPlatform.Infrastructure.Email;

/// <summary>Sends email through the SMTP server of <c>Email:Smtp</c> (MailKit; one connection per email).</summary>
internal sealed class SmtpTransport(IOptions<EmailSettings> options, ILogger<SmtpTransport> logger) : IEmailTransport
{
    private const int ImplicitTlsPort = 465;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var mail = MailMessages.Create(message, smtp.From);
        using var client = new SmtpClient();

        // EnableSsl: TLS from the first byte on port 465, else STARTTLS, which must then be offered.
        var security = !smtp.EnableSsl ? SecureSocketOptions.None
            : smtp.Port == ImplicitTlsPort ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        // Host is there: without a pickup directory, EmailSettingsValidator requires it at start-up.
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("Sent email {Subject} through {SmtpHost}", message.Subject, smtp.Host);
    }
}
