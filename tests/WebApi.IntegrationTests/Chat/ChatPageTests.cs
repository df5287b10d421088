using ChatPlatform.WebApi.IntegrationTests.Support;

namespace ChatPlatform.WebApi.IntegrationTests.Chat;

public sealed class ChatPageTests : ApiTest
{
    [Test]
    public async Task The_root_serves_the_chat_page_and_its_script_without_a_token()
    {
        var page = await Api.GetAsync("/");
        var script = await Api.GetAsync("/app.js");

        Assert.That((int)page.StatusCode, Is.EqualTo(200));
        Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("<script src=\"app.js\"></script>"));
        Assert.That((int)script.StatusCode, Is.EqualTo(200));
        Assert.That(await script.Content.ReadAsStringAsync(), Does.Contain("/hubs/chat?access_token="));
    }
}
