using ChatPlatform.Application.Common.Models;

namespace ChatPlatform.Infrastructure.Email;

/// <summary>
/// A row of the email outbox: written in the transaction of the change that causes the email,
/// delivered after it commits by <see cref="EmailDispatcher"/>, retried with a growing delay up to
/// <see cref="MaxAttempts"/> times. Its body (which may hold a code) is erased once it is sent or given up.
/// </summary>
public sealed class OutgoingEmail
{
    public const int MaxAttempts = 8;

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(10);

    private OutgoingEmail()
    {
        Recipient = string.Empty;
        Subject = string.Empty;
        Body = string.Empty;
    }

    public Guid Id { get; private set; }
    public string Recipient { get; private set; }
    public string Subject { get; private set; }
    public string Body { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? FailedAt { get; private set; }
    public string? LastError { get; private set; }

    public static OutgoingEmail Queue(EmailMessage message, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Recipient = message.To,
        Subject = message.Subject,
        Body = message.Body,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public EmailMessage ToMessage() => new(Recipient, Subject, Body);

    public void MarkSent(DateTimeOffset now)
    {
        Attempts++;
        SentAt = now;
        LastError = null;
        Body = string.Empty;
    }

    /// <summary>Counts a failed delivery; schedules the next one, or gives up after <see cref="MaxAttempts"/>.</summary>
    public void RecordFailure(DateTimeOffset now, string error)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        if (Attempts >= MaxAttempts)
        {
            FailedAt = now;
            Body = string.Empty;
            return;
        }

        var delay = FirstRetryDelay * Math.Pow(2, Attempts - 1);
        NextAttemptAt = now + (delay < MaxRetryDelay ? delay : MaxRetryDelay);
    }
}
