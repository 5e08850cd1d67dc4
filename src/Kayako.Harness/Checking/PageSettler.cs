using Kayako.Harness.Messenger;
using Microsoft.Playwright;

namespace Kayako.Harness.Checking;

/// <summary>
/// Waits until what a step set off has played out: the page loaded, its messenger loaded (when it has a
/// snippet), and a pending <c>forget</c> answered and resolved by its callback or by the page leaving.
/// Waits on the call log and the page, never a fixed time, and gives up at the step's deadline.
/// </summary>
internal sealed class PageSettler(IPage page, CallLog log)
{
    // A page with a snippet loads the messenger right after its load event; one that has not within this
    // time is not going to (its script URL does not match, or an error stopped it): the rules say so.
    private static readonly TimeSpan ReadyWait = TimeSpan.FromSeconds(3);

    // forget's callback usually navigates (sign-out); give that navigation this long to start.
    private static readonly TimeSpan NavigationAfterForgetWait = TimeSpan.FromSeconds(1);

    // A page that started to leave (beforeunload) commits its navigation soon after; until it has, "load" and
    // the messenger still describe the page being left, and a goto issued now races the navigation.
    private static readonly TimeSpan NavigationAfterLeavingWait = TimeSpan.FromSeconds(5);

    private const int MaxRounds = 8;

    public async Task SettleAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        for (var round = 0; round < MaxRounds && DateTimeOffset.UtcNow < deadline; round++)
        {
            var before = log.Entries.Count;
            try
            {
                await page.WaitForLoadStateAsync(LoadState.Load, new PageWaitForLoadStateOptions { Timeout = Milliseconds(deadline - DateTimeOffset.UtcNow) })
                    .WaitAsync(cancellationToken);
                if (AwaitsMessenger(log.Entries))
                {
                    // The log says when the stub loaded, and in which form, without polling the page. Then one look at
                    // its UI, in the frame it built it in: an answer from that renderer comes after everything the
                    // stub's script did there (ready callbacks run, their errors reported).
                    var loaded = await LogHistory.WaitForLoadInCurrentDocumentAsync(log, Remaining(Min(ReadyWait, deadline - DateTimeOffset.UtcNow)), cancellationToken);
                    await StubState.WaitForAsync(page, null, Remaining(Min(ReadyWait, deadline - DateTimeOffset.UtcNow)), cancellationToken, loaded.Form);
                }
            }
            catch (TimeoutException)
            {
                // Not loaded in time: the messenger-not-loaded rule reports it from the log.
            }
            catch (PlaywrightException)
            {
                continue; // the page navigated while we looked; look again at the new one
            }

            await WaitForPendingAsync(deadline, cancellationToken);
            if (log.Entries.Count == before)
            {
                return;
            }
        }
    }

    private async Task WaitForPendingAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        while (DateTimeOffset.UtcNow < deadline)
        {
            var entries = log.Entries;
            TimeSpan wait;
            if (Pending(entries))
            {
                wait = deadline - DateTimeOffset.UtcNow;
            }
            else if (LeftWithoutNavigating(entries))
            {
                wait = Min(NavigationAfterLeavingWait, deadline - DateTimeOffset.UtcNow);
            }
            else if (entries.Count > 0 && entries[^1] is ForgetCallbackRan)
            {
                wait = Min(NavigationAfterForgetWait, deadline - DateTimeOffset.UtcNow);
            }
            else
            {
                return;
            }

            try
            {
                var count = entries.Count;
                await log.WaitForAsync(e => e.Sequence >= count, Remaining(wait), cancellationToken);
            }
            catch (CallLogTimeoutException)
            {
                return;
            }
        }
    }

    // The current document had a snippet object when it loaded, or requested the messenger script, and the
    // messenger has not loaded since. Judged from the log alone: no script of ours runs in the page to ask.
    private static bool AwaitsMessenger(IReadOnlyList<CallLogEntry> entries) =>
        LogHistory.LastOf(entries, CallLogEntryKind.Loaded, CallLogEntryKind.DocumentStarted, CallLogEntryKind.SnippetFound, CallLogEntryKind.ScriptRequested)
            is CallLogEntryKind.SnippetFound or CallLogEntryKind.ScriptRequested;

    // A forget request not yet answered, or a forget whose callback has not run and whose page has not
    // left. Identify's answer is not waited for: no rule depends on it, and it costs the API latency.
    // A single-page app's pushState route is a Navigation too, but the document stays: its forget is still
    // pending (its request may not even be logged yet), so only leaving or a new document resolves it.
    internal static bool Pending(IReadOnlyList<CallLogEntry> entries)
    {
        var requests = entries.Count(e => e is ApiRequest { Operation: "forget" });
        var responses = entries.Count(e => e is ApiResponse { Operation: "forget" });
        if (requests > responses)
        {
            return true;
        }

        for (var i = entries.Count - 1; i >= 0; i--)
        {
            switch (entries[i])
            {
                case ForgetCallbackRan or PageLeaving or DocumentStarted:
                    return false;
                case MessengerCall { Method: "forget" }:
                    return true;
            }
        }

        return false;
    }

    // The page started to leave and no navigation has committed since.
    private static bool LeftWithoutNavigating(IReadOnlyList<CallLogEntry> entries) =>
        LogHistory.LastOf(entries, CallLogEntryKind.Navigation, CallLogEntryKind.Leaving) == CallLogEntryKind.Leaving;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Remaining(TimeSpan time) => time < TimeSpan.Zero ? TimeSpan.Zero : time;

    private static float Milliseconds(TimeSpan time) => (float)Math.Max(1, time.TotalMilliseconds);
}
