using Kayako.Harness.Messenger;
using Kayako.Harness.NUnit;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Messenger;

/// <summary>
/// The snippet the harness injects into a page that has none. It runs once: such a page has no embed form of its
/// own; <see cref="InjectedSnippetWithOwnSnippetTests"/> runs per form for pages that do.
/// </summary>
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
}
