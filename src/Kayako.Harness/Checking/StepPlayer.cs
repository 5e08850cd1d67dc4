using System.Globalization;
using Kayako.Harness.Configuration;
using Kayako.Harness.Messenger;
using Microsoft.Playwright;

namespace Kayako.Harness.Checking;

/// <summary>Opens a site and plays its steps in one page, each within the step timeout, recording what each covered.</summary>
internal sealed class StepPlayer
{
    // An expectation gives the page this long to reach the state before the state is judged.
    private static readonly TimeSpan ExpectationWait = TimeSpan.FromSeconds(1);

    // Identity usually waits on the site's own backend (fetch('/api/me'), a session refresh), which can take
    // seconds; Playwright's own expect waits 5 s by default. A page that identifies returns as soon as it does:
    // only one that never identifies, which is reported anyway, pays the whole wait.
    private static readonly TimeSpan IdentifyWait = TimeSpan.FromSeconds(5);

    private readonly IPage page;
    private readonly MessengerSession session;
    private readonly TimeSpan timeout;
    private readonly PageSettler settler;

    public StepPlayer(IPage page, MessengerSession session, TimeSpan timeout)
    {
        this.page = page;
        this.session = session;
        this.timeout = timeout;
        settler = new PageSettler(page, session.CallLog);
    }

    private float TimeoutMs => (float)timeout.TotalMilliseconds;

    // A page load waits on the whole page (the server, every subresource) while a CPU-starved CI machine
    // is running other work; an action waits on one element. Loads get three step timeouts, as Playwright
    // itself gives navigations more time than actions. A server that is down still fails at once.
    private float NavigationTimeoutMs => TimeoutMs * 3;

    /// <summary>Opens the site's URL. Returns why it could not be opened, or <see langword="null"/>.</summary>
    public async Task<string?> OpenAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            var response = await page.GotoAsync(url.AbsoluteUri, new PageGotoOptions { Timeout = NavigationTimeoutMs }).WaitAsync(cancellationToken);
            if (response is { Status: >= 400 })
            {
                return $"the server answered HTTP {response.Status.ToString(CultureInfo.InvariantCulture)} {response.StatusText}".TrimEnd();
            }
        }
        catch (TimeoutException)
        {
            return $"the page did not load within {NavigationTimeoutMs:0} ms";
        }
        catch (PlaywrightException error)
        {
            return FirstLine(error.Message);
        }

        await settler.SettleAsync(timeout, cancellationToken);
        return null;
    }

    public async Task<StepResult> PlayAsync(SiteStep step, CancellationToken cancellationToken)
    {
        var start = session.CallLog.Entries.Count;
        string? error = null;
        MessengerVisibility? observed = null;
        try
        {
            switch (step)
            {
                case GotoStep go:
                    var response = await page.GotoAsync(go.Url.AbsoluteUri, new PageGotoOptions { Timeout = NavigationTimeoutMs }).WaitAsync(cancellationToken);
                    if (response is { Status: >= 400 })
                    {
                        error = $"{go.Url.OriginalString} answered HTTP {response.Status.ToString(CultureInfo.InvariantCulture)} {response.StatusText}.";
                    }

                    break;
                case ClickStep click:
                    await page.Locator(click.Selector).First.ClickAsync(new LocatorClickOptions { Timeout = TimeoutMs }).WaitAsync(cancellationToken);
                    break;
                case FillStep fill:
                    await page.Locator(fill.Selector).First.FillAsync(fill.Value, new LocatorFillOptions { Timeout = TimeoutMs }).WaitAsync(cancellationToken);
                    break;
                case ExpectStep expect:
                    observed = await ObserveAsync(expect, cancellationToken);
                    break;
            }
        }
        catch (TimeoutException)
        {
            error = await DescribeTimeoutAsync(step, cancellationToken);
        }
        catch (PlaywrightException failure)
        {
            error = FirstLine(failure.Message);
        }

        if (step is not ExpectStep)
        {
            await settler.SettleAsync(timeout, cancellationToken);
        }

        var screenshot = error is null ? null : await ScreenshotAsync(cancellationToken);
        return new StepResult(step, error is null ? StepOutcome.Passed : StepOutcome.Failed, error, start,
            session.CallLog.Entries.Count, observed, screenshot);
    }

    private async Task<MessengerVisibility?> ObserveAsync(ExpectStep expect, CancellationToken cancellationToken)
    {
        if (expect.Identified is ExpectedIdentity.Identified or ExpectedIdentity.Verified && !session.CallLog.Entries.Any(IsIdentify))
        {
            try
            {
                await session.CallLog.WaitForAsync(IsIdentify, IdentifyWait < timeout ? IdentifyWait : timeout, cancellationToken);
            }
            catch (CallLogTimeoutException)
            {
                // Never identified: identify-never-called reports it.
            }
        }

        if (expect.Visibility is not { } expected)
        {
            return null;
        }

        // The state is read from the stub's DOM, which a page could imitate; only a document the messenger loaded
        // into (as the harness's own log says) has one.
        if (!LoadedInCurrentDocument(session.CallLog.Entries))
        {
            try
            {
                await LogHistory.WaitForLoadInCurrentDocumentAsync(session.CallLog, ExpectationWait, cancellationToken);
            }
            catch (CallLogTimeoutException)
            {
                return null; // no messenger in this document: control-state-mismatch says so
            }
        }

        var form = session.CallLog.Entries.OfType<MessengerLoaded>().LastOrDefault()?.Form;
        if (await StubState.WaitForAsync(page, expected, ExpectationWait, cancellationToken, form))
        {
            return expected;
        }

        try
        {
            return await session.For(page).VisibilityAsync(cancellationToken);
        }
        catch (MessengerNotLoadedException)
        {
            return null;
        }
    }

    private async Task<string> DescribeTimeoutAsync(SiteStep step, CancellationToken cancellationToken)
    {
        var selector = step switch
        {
            ClickStep click => click.Selector,
            FillStep fill => fill.Selector,
            _ => null,
        };
        if (selector is null)
        {
            return $"it did not finish within {(step is GotoStep ? NavigationTimeoutMs : TimeoutMs):0} ms.";
        }

        int matches;
        try
        {
            matches = await page.Locator(selector).CountAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
        }
        catch (Exception error) when (error is PlaywrightException or TimeoutException)
        {
            matches = -1;
        }

        return matches switch
        {
            0 => $"no element matches the selector \"{selector}\" (waited {TimeoutMs:0} ms).",
            > 0 => $"\"{selector}\" matches {matches} element(s), but the first could not be used within {TimeoutMs:0} ms (hidden, disabled or covered?).",
            _ => $"it did not finish within {TimeoutMs:0} ms.",
        };
    }

    private async Task<ReadOnlyMemory<byte>?> ScreenshotAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await page.ScreenshotAsync(new PageScreenshotOptions { Timeout = 2000 }).WaitAsync(cancellationToken);
        }
        catch (Exception error) when (error is PlaywrightException or TimeoutException)
        {
            return null; // no screenshot is no reason to lose the finding
        }
    }

    private static bool LoadedInCurrentDocument(IReadOnlyList<CallLogEntry> entries) =>
        LogHistory.LastOf(entries, CallLogEntryKind.Loaded, CallLogEntryKind.DocumentStarted) == CallLogEntryKind.Loaded;

    private static bool IsIdentify(CallLogEntry entry) => entry is MessengerCall { Method: "identify" };

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.EndsWith('.') ? line : line + ".";
    }
}
