using Kayako.Harness.Messenger;
using Microsoft.Playwright;

namespace Kayako.Harness.E2E.Tests.Messenger;

/// <summary>
/// Makes the log settle without sleeping: the page's visibility button calls <c>kayako.visibility()</c>,
/// and once that call is logged, everything the page did before it is logged too.
/// </summary>
internal static class CallLogBarrier
{
    public static async Task<MessengerCall> SettleAsync(IPage page, MessengerPage messenger)
    {
        var from = messenger.CallLog.Entries.Count;
        await page.ClickAsync("#visibility");
        return await messenger.CallLog.WaitForAsync<MessengerCall>(c => c.Sequence >= from && c.Method == "visibility", TimeSpan.FromSeconds(5));
    }
}
