using System.Text.RegularExpressions;

namespace ChatPlatform.WebApi.IntegrationTests.Support;

/// <summary>Reads the emails the application wrote into the pickup directory.</summary>
public static partial class Mailbox
{
    /// <summary>
    /// The code of the only email to <paramref name="recipient"/> (from the shared application, or
    /// <paramref name="factory"/>), read from its <c>Code:</c> line; the email is removed so the next one can be read.
    /// </summary>
    public static async Task<string> TakeCodeAsync(string recipient, ApiFactory? factory = null)
    {
        var emails = new List<(string Path, string Text)>();
        foreach (var path in Directory.GetFiles((factory ?? TestRun.Api).MailDirectory, "*.eml"))
        {
            var text = await File.ReadAllTextAsync(path);
            if (text.Contains($"To: {recipient}", StringComparison.OrdinalIgnoreCase))
            {
                emails.Add((path, text));
            }
        }

        Assert.That(emails, Has.Count.EqualTo(1), $"exactly one email to {recipient}");
        File.Delete(emails[0].Path);

        // Quoted-printable soft line breaks may split the text.
        var body = emails[0].Text.Replace("=\r\n", string.Empty, StringComparison.Ordinal);
        var match = CodeRegex().Match(body);
        Assert.That(match.Success, Is.True, "the email carries a six-digit code");
        return match.Groups[1].Value;
    }

    public static int Count() => Directory.GetFiles(TestRun.Api.MailDirectory, "*.eml").Length;

    [GeneratedRegex(@"^Code: (\d{6})\r?$", RegexOptions.Multiline)]
    private static partial Regex CodeRegex();
}
