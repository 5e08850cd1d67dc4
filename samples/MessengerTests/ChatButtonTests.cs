using Kayako.Harness.Messenger;
using Kayako.Harness.NUnit;
using NUnit.Framework;

public sealed class ChatButtonTests : MessengerPageTest
{
    // Your pages (copied to the output folder), served in-process at http://harness.local/.
    protected override string? FixtureFolder => Path.Combine(TestContext.CurrentContext.TestDirectory, "wwwroot");

    [Test]
    public async Task Chat_button_opens_the_messenger()
    {
        await Page.GotoAsync(PageUrl("index.html"));           // or your staging URL
        await Messenger.WaitForReadyAsync();
        await Page.ClickAsync("#chat");
        await Messenger.ShouldBecomeAsync(MessengerVisibility.Maximized);
    }
}
