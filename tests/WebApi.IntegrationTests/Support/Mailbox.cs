using System.Text.RegularExpressions;

namespace ChatPlatform.WebApi.IntegrationTests.Support;

/// <summary>
/// Reads the emails the application wrote into the pickup directory. Email leaves through the
/// outbox after the request's commit, so every read waits (up to <see cref="Timeout"/>) for it.
/// </summary>
public static partial class Mailbox
{
    public const string TwoFactorSubject = "Your two-factor code";
    public const string ResetSubject = "Reset your password";
    public const string ConfirmSubject = "Confirm your email";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The code of the only email to <paramref name="recipient"/> with <paramref name="subject"/> (from
    /// the shared application, or <paramref name="factory"/>), read from its <c>Code:</c> line; the
    /// email is removed so the next one can be read.
    /// </summary>
    public static Task<string> TakeCodeAsync(string recipient, ApiFactory? factory = null, string subject = TwoFactorSubject) =>
        TakeCodeFromAnyAsync(recipient, subject, factory ?? TestRun.Api);

    /// <summary>As <see cref="TakeCodeAsync"/>, from whichever of several instances (sharing one outbox) delivered it.</summary>
    public static async Task<string> TakeCodeFromAnyAsync(string recipient, string subject, params ApiFactory[] instances)
    {
        var text = await TakeAsync(recipient, subject, instances);
        var match = CodeRegex().Match(text);
        Assert.That(match.Success, Is.True, $"the '{subject}' email carries a Code: line");
        return match.Groups[1].Value;
    }

    /// <summary>Waits for the only email to <paramref name="recipient"/> with <paramref name="subject"/>, removes it and returns its text.</summary>
    public static Task<string> TakeAsync(string recipient, string subject, ApiFactory? factory = null) =>
        TakeAsync(recipient, subject, [factory ?? TestRun.Api]);

    private static async Task<string> TakeAsync(string recipient, string subject, ApiFactory[] instances)
    {
        var emails = await Eventually.FindsAsync(
            async () => await FindAsync(instances, recipient, subject) is { Count: > 0 } found ? found : null,
            Timeout,
            $"a '{subject}' email to {recipient}");
        Assert.That(emails, Has.Count.EqualTo(1), $"exactly one '{subject}' email to {recipient}");
        File.Delete(emails[0].Path);
        return emails[0].Text;
    }

    private static async Task<List<(string Path, string Text)>> FindAsync(ApiFactory[] instances, string recipient, string subject)
    {
        var emails = new List<(string Path, string Text)>();
        foreach (var path in instances.SelectMany(instance => Directory.GetFiles(instance.MailDirectory, "*.eml")))
        {
            // Quoted-printable soft line breaks may split the text.
            var text = (await File.ReadAllTextAsync(path)).Replace("=\r\n", string.Empty, StringComparison.Ordinal);
            if (text.Contains($"To: {recipient}\r\n", StringComparison.OrdinalIgnoreCase)
                && text.Contains($"Subject: {subject}\r\n", StringComparison.Ordinal))
            {
                emails.Add((path, text));
            }
        }

        return emails;
    }

    /// <summary>Emails the application stored to send (the outbox keeps rows until purged), by subject; stored in the request's own transaction, so no wait is needed.</summary>
    public static Task<long> QueuedAsync(string subject) =>
        Database.ScalarAsync<long>("""SELECT count(*) FROM email_outbox WHERE "Subject" = @subject""", ("subject", subject));

    /// <summary>Every email the application stored to send, confirmation codes of registrations left out.</summary>
    public static Task<long> QueuedOtherThanConfirmationsAsync() =>
        Database.ScalarAsync<long>("""SELECT count(*) FROM email_outbox WHERE "Subject" <> @subject""", ("subject", ConfirmSubject));

    [GeneratedRegex(@"^Code: ([A-Za-z0-9_-]+)\r?$", RegexOptions.Multiline)]
    private static partial Regex CodeRegex();
}
