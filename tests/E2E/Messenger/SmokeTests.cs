using Kayako.Harness.Messenger;
using Kayako.Harness.Testing;

namespace Kayako.Harness.E2E.Tests.Messenger;

public sealed class SmokeTests : MessengerPageTest
{
    [Test]
    public async Task Toggle()
    {
        await Page.GotoAsync(PageUrl("toggle.html"));
        await Messenger.WaitForReadyAsync();
        await Page.ClickAsync("#toggle-chat");
        await Messenger.ShouldBecomeAsync(MessengerVisibility.Maximized);
        TestContext.Out.WriteLine(Messenger.CallLog.Describe());
    }

    [Test]
    public async Task Account()
    {
        await Page.GotoAsync(PageUrl("account.html?name=A&email=a@x.com&signature=&timestamp=1700000000"));
        await Messenger.ShouldFireAsync("identified");
        await Page.ClickAsync("#logout");
        await Messenger.CallLog.WaitForAsync(e => e.Kind == CallLogEntryKind.Navigation && e.Detail!.EndsWith("signed-out.html", StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        TestContext.Out.WriteLine(Messenger.CallLog.Describe());
    }
}
