using System.Diagnostics;
using Kayako.Harness.Checking.Rules;
using Kayako.Harness.Configuration;
using Kayako.Harness.Messenger;
using Microsoft.Playwright;

namespace Kayako.Harness.Checking;

/// <summary>
/// Checks one site in a fresh browser context: installs the stub, opens the page, plays the steps, looks
/// for the token, applies the rules, and keeps a trace when the site fails.
/// </summary>
internal sealed class SiteRunner(IBrowser browser, HarnessConfiguration configuration, CheckOptions options, TokenRedactor redactor)
{
    public async Task<SiteResult> RunAsync(SiteDefinition site, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ServiceWorkers = ServiceWorkerPolicy.Block });
        if (options.KeepTraces)
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
        var notes = new List<string>();
        IReadOnlyList<EarlyClick> earlyClicks = [];
        if (unreachable is null)
        {
            (earlyClicks, var passNotes) = await new ClicksBeforeLoadPass(browser, configuration, options).RunAsync(site, cancellationToken);
            notes.AddRange(passNotes.Select(redactor.Redact));
        }

        var entries = session.CallLog.Entries;
        var findings = RuleCatalog
            .Evaluate(new RuleContext(site, configuration.Messenger, entries, steps, exposures, options.Token, options.Diagnoser,
                unreachable is null ? null : redactor.Redact(unreachable), earlyClicks))
            .Select(f => f with { Message = redactor.Redact(f.Message), Cause = f.Cause is null ? null : redactor.Redact(f.Cause) })
            .ToList();

        var tracePath = await FinishTraceAsync(context, site, findings, notes);
        return new SiteResult(site.Name, site.Url, findings, [.. steps.Select(s => s with { Error = s.Error is null ? null : redactor.Redact(s.Error) })],
            TimelineBuilder.Build(entries, steps, redactor), tracePath, notes, Stopwatch.GetElapsedTime(started));
    }

    private async Task<string?> FinishTraceAsync(IBrowserContext context, SiteDefinition site, List<Finding> findings, List<string> notes)
    {
        if (!options.KeepTraces)
        {
            return null;
        }

        if (findings.All(f => f.Severity != Severity.Error))
        {
            await context.Tracing.StopAsync();
            return null;
        }

        if (findings.Any(f => f.Rule == RuleIds.TokenExposed))
        {
            // A trace holds every response the site served, so it would carry the exposed token out of the run.
            await context.Tracing.StopAsync();
            notes.Add("No Playwright trace was kept for this site: it would contain the exposed token.");
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(configuration.Report.Dir, "traces", FileName(site.Name) + ".zip"));
        await context.Tracing.StopAsync(new TracingStopOptions { Path = path });
        notes.Add($"Playwright trace: {path} (open it with: npx playwright show-trace \"{path}\", or at trace.playwright.dev)");
        return path;
    }

    // The stub logs the script URL it served and every API request ("POST <url> <body>") before answering.
    private static bool ServedByHarness(CallLog log, string url) =>
        log.Entries.Any(e =>
            (e.Kind == CallLogEntryKind.ScriptRequested && e.Detail == url) ||
            (e.Kind == CallLogEntryKind.Request && e.Detail is { } detail && detail.Split(' ', 3) is [_, var requested, ..] && requested == url));

    internal static string FileName(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
