using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using ChatPlatform.Application.Common.Models;

namespace ChatPlatform.Infrastructure.Email;

internal static class MailMessages
{
    public static MailMessage Create(EmailMessage message, string from) => new(new MailAddress(from), new MailAddress(message.To))
    {
        Subject = message.Subject,
        Body = message.Body,
        IsBodyHtml = false,
        BodyEncoding = Encoding.UTF8,

        // Keeps the text readable in the .eml files of the pickup directory.
        BodyTransferEncoding = TransferEncoding.QuotedPrintable,
    };
}
