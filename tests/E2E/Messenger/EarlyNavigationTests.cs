using Kayako.Harness.Messenger;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Messenger;

public sealed class EarlyNavigationTests(string form) : EmbedFormPageTest(form)
{
    // Far longer than any navigation takes, so the old page is gone before forget's answer could arrive;
    // the test never waits for it.
    protected override MessengerOptions ConfigureMessenger(MessengerOptions defaults) => defaults with { ApiLatency = TimeSpan.FromSeconds(5) };

    [Test]
    public async Task A_page_that_leaves_before_forgets_callback_is_seen_doing_so()
    {
        // Arrange
        await Page.GotoAsync(FormUrl("early-navigation.html"));
        await Messenger.WaitForReadyAsync();

        // Act
        await Page.ClickAsync("#logout");
        await Page.WaitForURLAsync("**/signed-out.html");
        await Messenger.WaitForReadyAsync();

        // Assert
        var log = Messenger.CallLog.Entries;
        var forget = log.OfType<MessengerCall>().Single(c => c.Method == "forget");
        var leave = log.OfType<Navigation>().First(e => e.Sequence > forget.Sequence);
        leave.Url.ShouldEndWith("signed-out.html");
        log.ShouldNotContain(e => e is ForgetCallbackRan);
    }
}
