using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ChatPlatform.Infrastructure.Email;

/// <summary>Writes every email as a <c>.eml</c> file into <c>Email:PickupDirectory</c> instead of sending it.</summary>
internal sealed class PickupDirectoryEmailSender(IOptions<EmailSettings> options, ILogger<PickupDirectoryEmailSender> logger) : IEmailSender
{
    // Line ends as on the wire (CRLF), whatever the platform.
    private static readonly FormatOptions FileFormat = new() { NewLineFormat = NewLineFormat.Dos };

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var directory = Directory.CreateDirectory(settings.PickupDirectory!).FullName;
        using var mail = MailMessages.Create(message, settings.Smtp.From);
        await mail.WriteToAsync(FileFormat, Path.Combine(directory, $"{Guid.NewGuid():N}.eml"), cancellationToken);
        logger.LogInformation("Wrote email {Subject} to the pickup directory", message.Subject);
    }
}
