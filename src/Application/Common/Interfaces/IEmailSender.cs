using ChatPlatform.Application.Common.Models;

namespace ChatPlatform.Application.Common.Interfaces;

/// <summary>
/// Sends email through the outbox: a message is a row stored with the change that causes it, and
/// a background dispatcher delivers it (SMTP, or a pickup directory in development and tests)
/// after the commit, with retries. No request waits for a mail server.
/// </summary>
public interface IEmailSender
{
    /// <summary>Adds the email to the current unit of work: it is stored by the next save, so it goes out only if that commits.</summary>
    void Enqueue(EmailMessage message);

    /// <summary>Enqueues the email and saves at once (inside the open transaction, when there is one).</summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
