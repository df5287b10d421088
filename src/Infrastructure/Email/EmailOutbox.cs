using ChatPlatform.Application.Common.Interfaces;
using ChatPlatform.Application.Common.Models;
using ChatPlatform.Infrastructure.Persistence;

namespace ChatPlatform.Infrastructure.Email;

/// <summary>The request's side of the email outbox: emails become rows of the request's unit of work.</summary>
internal sealed class EmailOutbox(ApplicationDbContext db, EmailCommitWatch commits, TimeProvider clock) : IEmailSender
{
    public void Enqueue(EmailMessage message)
    {
        db.OutgoingEmails.Add(OutgoingEmail.Queue(message, clock.GetUtcNow()));
        commits.Queued();
    }

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Enqueue(message);
        await db.SaveChangesAsync(cancellationToken);
    }
}
