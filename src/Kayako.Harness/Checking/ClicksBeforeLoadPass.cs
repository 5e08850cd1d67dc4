using Kayako.Harness.Configuration;
using Kayako.Harness.Messenger;
using Microsoft.Playwright;

namespace Kayako.Harness.Checking;

/// <summary>
/// Plays a site's clicks as a visitor on a slow network does: in a fresh context whose messenger script is held
/// back, it opens the page, clicks each control the site's steps click before their first <c>goto</c> (not the
/// logout), and only then lets the script load. A handler that called the messenger outside <c>ready</c> threw,
/// and the button did nothing: the <c>control-before-load</c> rule reports it.
/// </summary>
internal sealed class ClicksBeforeLoadPass(IBrowser browser, HarnessConfiguration configuration, CheckOptions options)
{
    // A control the markup has is clickable at once; one a script renders later is not there for a hurried visitor either.
    private static readonly TimeSpan ClickWait = TimeSpan.FromSeconds(2);

    /// <summary>The clicks the pass plays: those before the site's first <c>goto</c>, except logouts.</summary>
    public static IReadOnlyList<ClickStep> ClicksOf(SiteDefinition site) =>
        [.. site.Steps.TakeWhile(step => step is not GotoStep).OfType<ClickStep>().Where(click => !click.IsLogout)];

    public async Task<(IReadOnlyList<EarlyClick> Clicks, IReadOnlyList<string> Notes)> RunAsync(SiteDefinition site, CancellationToken cancellationToken)
    {
        var clicks = ClicksOf(site);
        if (!configuration.Messenger.ClicksBeforeLoad || clicks.Count == 0)
        {
            return ([], []);
        }

        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await using var opened = await SiteContext.OpenAsync(browser, configuration, options, options.Emulation.For(site), release.Task, cancellationToken);
            return await PlayAsync(await opened.Context.NewPageAsync().WaitAsync(cancellationToken), opened.Session.CallLog, site, clicks, cancellationToken);
        }
        finally
        {
            release.TrySetResult();
        }
    }

    private async Task<(IReadOnlyList<EarlyClick>, IReadOnlyList<string>)> PlayAsync(
        IPage page, CallLog log, SiteDefinition site, IReadOnlyList<ClickStep> clicks, CancellationToken cancellationToken)
    {
        var played = new List<EarlyClick>();
        var notes = new List<string>();
        try
        {
            // The admin-panel snippet requests the script from its iframe while the page parses, so the page's load
            // event waits for it: the visitor's page is usable from DOMContentLoaded on.
            await page.GotoAsync(site.Url.AbsoluteUri, new PageGotoOptions
            {
                WaitUntil = WaitUntilState.DOMContentLoaded,
                Timeout = (float)(options.StepTimeout * 3).TotalMilliseconds,
            }).WaitAsync(cancellationToken);
        }
        catch (Exception error) when (error is TimeoutException or PlaywrightException)
        {
            return (played, notes); // the main pass reports a page that does not open
        }

        foreach (var click in clicks)
        {
            var start = log.Entries.Count;
            var control = page.Locator(click.Selector).First;
            try
            {
                await control.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = (float)ClickWait.TotalMilliseconds })
                    .WaitAsync(cancellationToken);
                if (await control.IsDisabledAsync().WaitAsync(cancellationToken))
                {
                    continue; // disabled until the messenger is ready: the fix this pass asks for
                }

                await control.ClickAsync(new LocatorClickOptions { Timeout = (float)ClickWait.TotalMilliseconds }).WaitAsync(cancellationToken);

                // One round trip into the page's renderer (a locator, so no page script runs): the errors the click's
                // handlers threw are logged before its answer.
                await page.Locator(":root").CountAsync().WaitAsync(cancellationToken);
            }
            catch (Exception error) when (error is TimeoutException or PlaywrightException)
            {
                notes.Add($"Before the messenger loaded, {click.Describe()} could not be clicked within {ClickWait.TotalSeconds:0} s " +
                          "(not there yet, hidden or covered), so the slow-network pass did not try it.");
                continue;
            }

            var entries = log.Entries.Skip(start).ToList();
            played.Add(new EarlyClick(click, [.. entries.OfType<CallBeforeReady>()]));
            if (entries.Any(e => e is PageLeaving or Navigation))
            {
                break; // the click left the page: the clicks after it belong to another page
            }
        }

        return (played, notes);
    }
}
