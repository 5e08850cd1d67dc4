using Kayako.Harness.Messenger;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Messenger;

/// <summary>The fixture pages really embed the messenger in the form each fixture of the other specs runs in.</summary>
public sealed class EmbedFormTests(string form) : EmbedFormPageTest(form)
{
    [Test]
    public async Task The_page_embeds_the_messenger_in_the_form_asked_for()
    {
        // Act
        var embed = await Page.RunAndWaitForResponseAsync(() => Page.GotoAsync(FormUrl("controls.html")), "**/kayako-embed.js");
        await Messenger.WaitForReadyAsync();

        // Assert
        (await embed.HeaderValueAsync("content-type")).ShouldNotBeNull().ShouldStartWith("text/javascript");
        var loaded = Messenger.CallLog.Entries.OfType<MessengerLoaded>().Single();
        loaded.Form.ShouldBe(Form == Iframe ? MessengerEmbedForm.Iframe : MessengerEmbedForm.InPage);
        var top = await Page.EvaluateAsync<string[]>("() => Array.from(document.scripts, s => s.src).filter(src => src.includes('kayakocdn.com'))");
        var frames = Page.Locator("#kayako-messenger > iframe#kayako-messenger-frame");
        if (Form == Iframe)
        {
            top.ShouldBeEmpty();
            (await frames.CountAsync()).ShouldBe(1);
            var inFrame = await frames.EvaluateAsync<string[]>("f => Array.from(f.contentDocument.scripts, s => s.src)");
            inFrame.ShouldBe(["https://harness-demo.kayakocdn.com/messenger"]);
        }
        else
        {
            top.ShouldBe(["https://harness-demo.kayakocdn.com/messenger"]);
            (await Page.Locator("iframe").CountAsync()).ShouldBe(0);
        }
    }

    [Test]
    public async Task A_page_opened_without_the_parameter_keeps_the_tabs_form()
    {
        // Arrange
        await Page.GotoAsync(FormUrl("controls.html"));
        await Messenger.WaitForReadyAsync();

        // Act: signed-out.html is where the account page's own redirect lands, with no query string.
        await Page.GotoAsync(PageUrl("signed-out.html"));
        await Messenger.WaitForReadyAsync();

        // Assert
        (await Page.Locator("iframe#kayako-messenger-frame").CountAsync()).ShouldBe(Form == Iframe ? 1 : 0);
    }
}
