using Kayako.Harness.Messenger;
using Kayako.Harness.Testing;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Messenger;

public sealed class InjectedSnippetTests : MessengerPageTest
{
    protected override MessengerOptions ConfigureMessenger(MessengerOptions defaults) => defaults with { InjectSnippet = true };

    [Test]
    public async Task A_page_without_the_snippet_gets_one_injected()
    {
        // Act
        await Page.GotoAsync(PageUrl("no-messenger.html"));
        await Messenger.WaitForReadyAsync();

        // Assert
        (await Messenger.VisibilityAsync()).ShouldBe(MessengerVisibility.Minimized);
        await Expect(Page.Locator("#kayako-messenger")).ToBeVisibleAsync();
    }

    [Test]
    public async Task A_page_with_its_own_snippet_keeps_it_and_loads_the_messenger_once()
    {
        // Act
        await Page.GotoAsync(PageUrl("toggle.html"));
        await Messenger.WaitForReadyAsync();
        await Page.ClickAsync("#toggle-chat");
        await Messenger.ShouldBecomeAsync(MessengerVisibility.Maximized);

        // Assert
        Messenger.CallLog.Entries.Count(e => e.Kind == CallLogEntryKind.ScriptRequested).ShouldBe(1);
        Messenger.CallLog.Entries.Single(e => e.Kind == CallLogEntryKind.Loaded).Detail.ShouldNotBeNull().ShouldContain("harness-demo.kayako.com");
    }
}
