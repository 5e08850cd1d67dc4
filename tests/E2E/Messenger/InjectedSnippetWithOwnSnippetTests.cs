using Kayako.Harness.Messenger;
using Kayako.Harness.NUnit;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Messenger;

/// <summary>With <see cref="MessengerOptions.InjectSnippet"/> on, a page's own snippet, in either embed form, is left alone.</summary>
public sealed class InjectedSnippetWithOwnSnippetTests(string form) : EmbedFormPageTest(form)
{
    protected override MessengerOptions ConfigureMessenger(MessengerOptions defaults) => defaults with { InjectSnippet = true };

    [Test]
    public async Task A_page_with_its_own_snippet_keeps_it_and_loads_the_messenger_once()
    {
        // Act
        await Page.GotoAsync(FormUrl("toggle.html"));
        await Messenger.WaitForReadyAsync();
        await Page.ClickAsync("#toggle-chat");
        await Messenger.ShouldBecomeAsync(MessengerVisibility.Maximized);

        // Assert
        Messenger.CallLog.Entries.OfType<ScriptRequested>().Count().ShouldBe(1);
        Messenger.CallLog.Entries.OfType<MessengerLoaded>().Single().ApiUrl.ShouldNotBeNull().ShouldContain("harness-demo.kayako.com");
    }
}
