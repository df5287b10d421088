using ChatPlatform.Application.Common.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ChatPlatform.Infrastructure.Email;

/// <summary>Writes each email as a <c>.eml</c> file into <c>Email:PickupDirectory</c> instead of sending it.</summary>
internal sealed class PickupDirectoryTransport(IOptions<EmailSettings> options, ILogger<PickupDirectoryTransport> logger) : IEmailTransport
{
    // Line ends as on the wire (CRLF), whatever the platform.
    private static readonly FormatOptions FileFormat = new() { NewLineFormat = NewLineFormat.Dos };

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var directory = Directory.CreateDirectory(settings.PickupDirectory!).FullName;
        using var mail = MailMessages.Create(message, settings.Smtp.From);
        var name = Path.Combine(directory, $"{Guid.NewGuid():N}");

        // Written under another name and then renamed, so a reader of *.eml never sees half an email.
        await mail.WriteToAsync(FileFormat, name + ".tmp", cancellationToken);
        File.Move(name + ".tmp", name + ".eml");
        logger.LogInformation("Wrote email {Subject} to the pickup directory", message.Subject);
    }
}
