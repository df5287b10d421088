using System.Text.RegularExpressions;
using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Operations;

/// <summary>Email through a real SMTP server with authentication, instead of the pickup directory.</summary>
public sealed class SmtpEmailTests
{
    [Test]
    public async Task A_two_factor_code_is_delivered_through_the_configured_smtp_server_and_works()
    {
        await using var smtp = new SmtpTestServer();
        await using var factory = await TestRun.CreateApiAsync(new Dictionary<string, string?>
        {
            ["Email:PickupDirectory"] = "",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:EnableSsl"] = "false",
            ["Email:Smtp:Username"] = SmtpTestServer.UserName,
            ["Email:Smtp:Password"] = SmtpTestServer.Password,
            ["Email:Smtp:From"] = "ChatPlatform <no-reply@chatplatform.test>",
        });
        using var api = new Api(factory.CreateApiClient());
        var alice = await api.RegisterAndLoginAsync("alice");

        await (await api.PostAsync("/api/users/me/2fa/enable", new { password = Api.Password }, alice.AccessToken)).ShouldHaveStatus(202);

        // Registration's confirmation code went out first.
        var mail = await smtp.NextMessageAsync(TimeSpan.FromSeconds(10));
        while (mail.Subject != Mailbox.TwoFactorSubject)
        {
            mail = await smtp.NextMessageAsync(TimeSpan.FromSeconds(10));
        }

        Assert.That(mail.To.Mailboxes.Single().Address, Is.EqualTo("alice@example.com"));
        Assert.That(mail.From.Mailboxes.Single().Address, Is.EqualTo("no-reply@chatplatform.test"));
        Assert.That(Directory.GetFiles(factory.MailDirectory), Is.Empty, "nothing went to a pickup directory");
        var code = Regex.Match(mail.TextBody ?? string.Empty, @"\b(\d{6})\b").Groups[1].Value;
        await (await api.PostAsync("/api/users/me/2fa/confirm", new { code }, alice.AccessToken)).ShouldHaveStatus(204);
    }
}
