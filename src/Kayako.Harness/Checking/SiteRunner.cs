using System.Diagnostics;
using Kayako.Harness.Checking.Rules;
using Kayako.Harness.Configuration;
using Kayako.Harness.Messenger;
using Microsoft.Playwright;

namespace Kayako.Harness.Checking;

/// <summary>
/// Checks one site in a fresh browser context: installs the stub, opens the page, plays the steps, looks
/// for the token, applies the rules, and keeps a trace of a replay when the site fails.
/// </summary>
internal sealed class SiteRunner(IBrowser browser, HarnessConfiguration configuration, CheckOptions options, TokenRedactor redactor)
{
    public async Task<SiteResult> RunAsync(SiteDefinition site, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();

        // The verdict comes from a run the harness does not trace: Playwright's trace snapshots add a global and
        // patch CSSStyleSheet in every page, which a page could notice.
        // The slow-network pass plays in its own context, alongside.
        var pass = new ClicksBeforeLoadPass(browser, configuration, options).RunAsync(site, cancellationToken);
        var played = await PlayAsync(site, trace: null, cancellationToken);
        var (earlyClicks, passNotes) = await pass;
        var notes = new List<string>();
        if (played.Unreachable is null)
        {
            notes.AddRange(passNotes.Select(redactor.Redact));
        }
        else
        {
            earlyClicks = [];
        }

        var findings = RuleCatalog
            .Evaluate(new RuleContext(site, configuration.Messenger, played.Entries, played.Steps, played.Exposures, options.Token, options.Diagnoser,
                played.Unreachable is null ? null : redactor.Redact(played.Unreachable), earlyClicks))
            .Select(f => f with { Message = redactor.Redact(f.Message), Cause = f.Cause is null ? null : redactor.Redact(f.Cause) })
            .ToList();

        var tracePath = await TraceFailingSiteAsync(site, findings, notes, cancellationToken);
        return new SiteResult(site.Name, site.Url, findings, [.. played.Steps.Select(s => s with { Error = s.Error is null ? null : redactor.Redact(s.Error) })],
            TimelineBuilder.Build(played.Entries, played.Steps, redactor), tracePath, notes, Stopwatch.GetElapsedTime(started));
    }

    // Opens the site in a fresh context with the stub, plays its steps and looks for the token; with a trace
    // path, records a Playwright trace of it all there.
    private async Task<Played> PlayAsync(SiteDefinition site, string? trace, CancellationToken cancellationToken)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ServiceWorkers = ServiceWorkerPolicy.Allow });
        if (trace is not null)
        {
            await context.Tracing.StartAsync(new TracingStartOptions { Snapshots = true, Screenshots = false, Title = site.Name });
        }

        await DemoSite.AttachAsync(context, options.Token, cancellationToken);
        if (options.PrepareContextAsync is { } prepare)
        {
            await prepare(context, cancellationToken);
        }

        await using var session = await MessengerStub.InstallAsync(context, new MessengerOptions
        {
            ScriptUrlPatterns = configuration.Messenger.ScriptUrl,
            ApiLatency = TimeSpan.FromMilliseconds(configuration.Messenger.ForgetLatencyMs),
            Token = options.Token,
        }, cancellationToken);
        var scanner = new TokenExposureScanner(redactor, response => ServedByHarness(session.CallLog, response.Url));
        scanner.Attach(context);

        var page = await context.NewPageAsync();
        var player = new StepPlayer(page, session, options.StepTimeout);
        var unreachable = await player.OpenAsync(site.Url, cancellationToken);
        await scanner.ScanPageAsync(page, cancellationToken);
        var steps = new List<StepResult>(site.Steps.Count);
        foreach (var step in site.Steps)
        {
            if (unreachable is not null)
            {
                var count = session.CallLog.Entries.Count;
                steps.Add(new StepResult(step, StepOutcome.NotRun, null, count, count));
                continue;
            }

            steps.Add(await player.PlayAsync(step, cancellationToken));
            if (step is not ExpectStep)
            {
                // Only actions change what the page holds; an expectation just looks.
                await scanner.ScanPageAsync(page, cancellationToken);
            }
        }

        var exposures = await scanner.FinishAsync(context, cancellationToken);
        if (trace is not null)
        {
            await context.Tracing.StopAsync(new TracingStopOptions { Path = trace });
        }

        return new Played(session.CallLog.Entries, steps, exposures, unreachable);
    }

    // A failing site is played once more, traced, so its trace is there to open without having changed the run
    // that gave the verdict. Never when the token was exposed: a trace holds every response the site served.
    private async Task<string?> TraceFailingSiteAsync(SiteDefinition site, List<Finding> findings, List<string> notes, CancellationToken cancellationToken)
    {
        if (!options.KeepTraces || findings.All(f => f.Severity != Severity.Error))
        {
            return null;
        }

        if (findings.Any(f => f.Rule == RuleIds.TokenExposed))
        {
            notes.Add("No Playwright trace was kept for this site: it would contain the exposed token.");
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(configuration.Report.Dir, "traces", FileName(site.Name) + ".zip"));
        var replay = await PlayAsync(site, path, cancellationToken);
        if (replay.Exposures.Count > 0)
        {
            // The replay showed the token where the verdict run did not: the trace must not leave the run.
            File.Delete(path);
            notes.Add("No Playwright trace was kept for this site: its replay exposed the token.");
            return null;
        }

        notes.Add($"Playwright trace of a replay of this site: {path} (open it with: npx playwright show-trace \"{path}\", or at trace.playwright.dev)");
        return path;
    }

    private sealed record Played(IReadOnlyList<CallLogEntry> Entries, IReadOnlyList<StepResult> Steps, IReadOnlyList<TokenExposure> Exposures, string? Unreachable);

    // The stub logs the script URL it served and every API request ("POST <url> <body>") before answering.
    private static bool ServedByHarness(CallLog log, string url) =>
        log.Entries.Any(e =>
            (e.Kind == CallLogEntryKind.ScriptRequested && e.Detail == url) ||
            (e.Kind == CallLogEntryKind.Request && e.Detail is { } detail && detail.Split(' ', 3) is [_, var requested, ..] && requested == url));

    internal static string FileName(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
