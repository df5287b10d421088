using ChatPlatform.Application.Common.Models;
using MimeKit;
using MimeKit.Text;

namespace ChatPlatform.Infrastructure.Email;

internal static class MailMessages
{
    public static MimeMessage Create(EmailMessage message, string from)
    {
        var mail = new MimeMessage { Subject = message.Subject };
        mail.From.Add(MailboxAddress.Parse(from));
        mail.To.Add(MailboxAddress.Parse(message.To));

        // Quoted-printable keeps the text readable in the .eml files of the pickup directory.
        mail.Body = new TextPart(TextFormat.Plain)
        {
            Text = message.Body,
            ContentTransferEncoding = ContentEncoding.QuotedPrintable,
        };
        return mail;
    }
}
