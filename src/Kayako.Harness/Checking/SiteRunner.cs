using Kayako.Harness.Signing;
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
    // The token alone: a session cookie or password on the page is not an exposure of the token (the redactor masks them all).
    private readonly TokenRedactor token = new(options.Token);

    private TimeSpan Budget => TimeSpan.FromSeconds(configuration.SiteBudgetSeconds);

    // A repeated site that failed is replayed, traced, until a replay fails as the run shown did, at most this often.
    private const int MaxTraceReplays = 3;

    public Task<SiteResult> RunAsync(SiteDefinition site, CancellationToken cancellationToken) => RunAsync(site, options.KeepTraces, cancellationToken);

    /// <summary>One run of the site; <paramref name="traceIfFailing"/> off for the runs of a repeated site, traced once after them all.</summary>
    public async Task<SiteResult> RunAsync(SiteDefinition site, bool traceIfFailing, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var progress = new SiteProgress();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Budget);
        var budgetEnd = DateTimeOffset.UtcNow + Budget;
        Played played;
        IReadOnlyList<EarlyClick> earlyClicks;
        IReadOnlyList<string> passNotes;
        try
        {
            // The verdict comes from a run the harness does not trace: Playwright's trace snapshots add a global and
            // patch CSSStyleSheet in every page, which a page could notice. The slow-network pass plays in its own
            // context, alongside.
            var pass = new ClicksBeforeLoadPass(browser, configuration, options).RunAsync(site, budget.Token);
            played = await PlayAsync(site, trace: null, progress, budgetEnd, budget.Token);
            progress.Doing("the slow-network pass (clicks before the messenger loaded)");
            (earlyClicks, passNotes) = await pass;
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return TimedOut(site, progress, started);
        }

        var notes = new List<string>(played.Unscanned);
        notes.AddRange(LogNotes(played.Entries).Select(redactor.Redact));
        if (played.Unreachable is null)
        {
            notes.AddRange(passNotes.Select(redactor.Redact));
        }
        else
        {
            earlyClicks = [];
        }

        var findings = Evaluate(site, played, earlyClicks);
        var messengerMissing = WithoutMessengerNotLoaded(findings);
        var tracePath = traceIfFailing ? await TraceFailingSiteAsync(site, findings, notes, budgetEnd, budget.Token, cancellationToken) : null;
        return Result(site, findings, played, tracePath, notes, started) with { MessengerMissing = messengerMissing };
    }

    // Findings quote the site's URL and its steps: a URL from the configuration may carry the token (a goto with it
    // in the query), so the rules see them redacted, as written, before any of it is formatted.
    private List<Finding> Evaluate(SiteDefinition site, Played played, IReadOnlyList<EarlyClick> earlyClicks) =>
        [.. RuleCatalog
            .Evaluate(new RuleContext(Redact(site), configuration.Messenger, played.Entries, [.. played.Steps.Select(Redact)], played.Exposures, options.Token,
                played.Unreachable is null ? null : redactor.Redact(played.Unreachable),
                [.. earlyClicks.Select(click => click with { Step = (ClickStep)Redact(click.Step) })]))
            .Select(f => f with { Message = redactor.Redact(f.Message), Cause = f.Cause is null ? null : redactor.Redact(f.Cause) })];

    // Without RequireMessenger (a crawl), a page without the messenger is counted, not an error: dropped before the
    // verdict, so it does not cost a traced replay either.
    private bool WithoutMessengerNotLoaded(List<Finding> findings) =>
        !options.RequireMessenger && findings.RemoveAll(f => f.Rule == RuleIds.MessengerNotLoaded) > 0;

    private SiteDefinition Redact(SiteDefinition site) => site with { Url = Redact(site.Url), Steps = [.. site.Steps.Select(Redact)] };

    private StepResult Redact(StepResult result) => result with { Step = Redact(result.Step) };

    private SiteStep Redact(SiteStep step) => step is GotoStep go ? go with { Url = Redact(go.Url) } : step;

    private SiteResult Result(SiteDefinition site, List<Finding> findings, Played played, string? tracePath, List<string> notes, long started)
    {
        // A screenshot of a site that showed the token could show it too.
        var exposed = findings.Any(f => f.Rule == RuleIds.TokenExposed);
        var steps = played.Steps.Select(s => s with
        {
            Step = Redact(s.Step),
            Error = s.Error is null ? null : redactor.Redact(s.Error),
            Screenshot = exposed ? null : s.Screenshot,
        });
        return new SiteResult(site.Name, Redact(site.Url), findings, [.. steps], TimelineBuilder.Build(played.Entries, played.Steps, redactor), tracePath, notes,
            Stopwatch.GetElapsedTime(started));
    }

    private Uri Redact(Uri url)
    {
        var text = redactor.Redact(url.OriginalString);
        return text == url.OriginalString || !Uri.TryCreate(text, UriKind.Absolute, out var redacted) ? url : redacted;
    }

    // The budget ran out: what was found so far still counts, and the finding says what was still pending.
    private SiteResult TimedOut(SiteDefinition site, SiteProgress progress, long started)
    {
        var entries = progress.Log?.Entries ?? [];
        var steps = progress.Steps.ToList();
        foreach (var step in site.Steps.Skip(steps.Count))
        {
            steps.Add(new StepResult(step, StepOutcome.NotRun, null, entries.Count, entries.Count));
        }

        // Stopped before the page had opened: what a loaded page would have shown (a messenger) is not a finding.
        // A load that already gave up is reported as such; one still going when the budget ran out is only the timeout.
        var played = new Played(entries, steps, progress.Scanner?.FoundSoFar() ?? [],
            progress.Unreachable ?? (progress.Opened ? null : "it did not open within the site's budget"), []);
        var findings = Evaluate(site, played, [])
            .Where(f => f.Rule != RuleIds.SiteUnreachable || progress.Unreachable is not null)
            .ToList();
        var messengerMissing = WithoutMessengerNotLoaded(findings);
        var where = progress.Current is { } current ? $" at {current.Describe()} ({current.JsonPath})" : "";
        findings.Insert(0, new Finding(RuleIds.SiteTimedOut, Severity.Error, redactor.Redact(
            $"{site.Name} ({site.Url}) did not finish within its budget of {configuration.SiteBudgetSeconds} s (siteBudgetSeconds): " +
            $"{progress.Activity}{where} was still pending, so the harness stopped it and checked the other sites. " +
            "A server that never answers, a script that never yields (an endless loop while loading or in a click handler) " +
            "or a step that waits on something that never comes all end here; the findings before it still stand."),
            Step: progress.Current?.Index));
        return Result(site, findings, played, null, [], started) with { MessengerMissing = messengerMissing };
    }

    // Opens the site in a fresh context with the stub, plays its steps and looks for the token; with a trace
    // path, records a Playwright trace of it all there.
    private async Task<Played> PlayAsync(SiteDefinition site, string? trace, SiteProgress progress, DateTimeOffset budgetEnd, CancellationToken cancellationToken)
    {
        await using var opened = await SiteContext.OpenAsync(browser, configuration, options, options.Emulation.For(site), scriptRelease: null, cancellationToken);
        var (context, session) = (opened.Context, opened.Session);
        if (trace is not null)
        {
            await context.Tracing.StartAsync(new TracingStartOptions { Snapshots = true, Screenshots = false, Title = site.Name }).WaitAsync(cancellationToken);
        }

        var scanner = new TokenExposureScanner(token, response => ServedByHarness(session.CallLog, response.Url));
        scanner.Attach(context);
        progress.Log = session.CallLog;
        progress.Scanner = scanner;

        var page = await context.NewPageAsync().WaitAsync(cancellationToken);
        var player = new StepPlayer(page, session, options.StepTimeout);
        progress.Doing($"opening {site.Url}");
        var unreachable = await player.OpenAsync(site.Url, cancellationToken);
        progress.Opened = unreachable is null;
        progress.Unreachable = unreachable;
        if (unreachable is null)
        {
            progress.Doing("reading the page for the token");
            await scanner.ScanPageAsync(page, cancellationToken);
        }

        var steps = new List<StepResult>(site.Steps.Count);
        foreach (var step in site.Steps)
        {
            if (unreachable is not null)
            {
                var count = session.CallLog.Entries.Count;
                steps.Add(new StepResult(step, StepOutcome.NotRun, null, count, count));
                continue;
            }

            progress.Doing("playing the step", step);
            var result = await player.PlayAsync(step, cancellationToken);
            steps.Add(result);
            progress.Played(result);
            if (step is not ExpectStep)
            {
                // Only actions change what the page holds; an expectation just looks.
                progress.Doing($"reading the page for the token after {step.Describe()}");
                await scanner.ScanPageAsync(page, cancellationToken);
            }
        }

        progress.Doing("reading the site's responses and cookies for the token");
        // Bodies the browser has not delivered by a second before the budget ends are named as not searched: a body that
        // never comes must not turn a calm site into a timed-out one.
        var exposures = await scanner.FinishAsync(context, budgetEnd - TimeSpan.FromSeconds(1) - DateTimeOffset.UtcNow, cancellationToken);
        if (trace is not null)
        {
            progress.Doing("writing the trace");
            await context.Tracing.StopAsync(new TracingStopOptions { Path = trace }).WaitAsync(cancellationToken);
        }

        return new Played(session.CallLog.Entries, steps, exposures, unreachable, scanner.Unscanned);
    }

    // A failing site is played once more, traced, so its trace is there to open without having changed the run
    // that gave the verdict.
    private async Task<string?> TraceFailingSiteAsync(
        SiteDefinition site, List<Finding> findings, List<string> notes, DateTimeOffset budgetEnd, CancellationToken budget, CancellationToken cancellationToken)
    {
        if (!Traceable(findings, notes))
        {
            return null;
        }

        var (path, _) = await ReplayTracedAsync(site, notes, budgetEnd, budget, cancellationToken);
        if (path is not null)
        {
            notes.Add($"Playwright trace of a replay of this site: {path} (open it with: npx playwright show-trace \"{path}\", or at trace.playwright.dev)");
        }

        return path;
    }

    /// <summary>
    /// After every run of a repeated site (<see cref="CheckOptions.RepeatEach"/>): when it failed, one trace, of a replay
    /// made after the runs (the runs themselves are never traced). A race may go the other way in a replay, so it is
    /// replayed again, over the same file, until a replay fails with the errors of the run shown, at most
    /// <see cref="MaxTraceReplays"/> times; each replay has the site's whole budget, and one that does not finish ends the tries.
    /// </summary>
    public async Task<SiteResult> TraceRepeatedAsync(SiteDefinition site, SiteResult combined, IReadOnlySet<string> shownErrorRules, CancellationToken cancellationToken)
    {
        var notes = combined.Notes.ToList();
        if (!options.KeepTraces || !Traceable([.. combined.Findings], notes))
        {
            return combined with { Notes = notes };
        }

        var repeat = combined.Repeat!;
        var rules = string.Join(", ", shownErrorRules.Order(StringComparer.Ordinal));
        string? path = null;
        var replays = 0;
        var reproduced = false;
        while (!reproduced && replays < MaxTraceReplays)
        {
            replays++;
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            budget.CancelAfter(Budget);
            (path, var replay) = await ReplayTracedAsync(site, notes, DateTimeOffset.UtcNow + Budget, budget.Token, cancellationToken);
            if (path is null || replay is null)
            {
                break;
            }

            var failed = Evaluate(site, replay, []).Where(f => f.Severity == Severity.Error).Select(f => f.Rule).ToHashSet(StringComparer.Ordinal);
            reproduced = shownErrorRules.All(failed.Contains);
        }

        if (path is not null)
        {
            var open = $"open it with: npx playwright show-trace \"{path}\", or at trace.playwright.dev";
            notes.Add(reproduced
                ? FormattableString.Invariant($"Playwright trace of a replay made after the {repeat.Runs} runs, which failed as run {repeat.ShownRun} did ({rules}): {path} ({open}).")
                : FormattableString.Invariant(
                    $"Playwright trace of a replay made after the {repeat.Runs} runs: {path} ({open}). In {replays} replay(s) the race went the other way: none failed as run {repeat.ShownRun} did ({rules}), so the trace shows a passing order; run {repeat.ShownRun}'s steps, timeline and screenshots are in this report."));
        }

        return combined with { TracePath = path, Notes = notes };
    }

    // Only a failing site is traced, and never when the token was exposed: a trace holds every response the site served.
    private bool Traceable(List<Finding> findings, List<string> notes)
    {
        if (findings.All(f => f.Severity != Severity.Error))
        {
            return false;
        }

        if (findings.Any(f => f.Rule == RuleIds.TokenExposed))
        {
            notes.Add("No Playwright trace was kept for this site: it would contain the exposed token.");
            return false;
        }

        return true;
    }

    // Plays the site once more with tracing on, into the site's trace file; the trace is removed again when it holds a
    // secret. Returns the file and what the replay saw, or no file (with a note saying why).
    private async Task<(string? Path, Played? Replay)> ReplayTracedAsync(
        SiteDefinition site, List<string> notes, DateTimeOffset budgetEnd, CancellationToken budget, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(Path.Combine(configuration.Report.Dir, "traces", FileName(site.Name) + ".zip"));
        Played replay;
        try
        {
            // The replay spends what is left of the site's budget: a site never takes longer than its budget.
            replay = await PlayAsync(site, path, new SiteProgress(), budgetEnd, budget);
            if (replay.Exposures.Count > 0 || redactor.FindsInFile(path))
            {
                // The replay, or the trace itself (a DOM snapshot, a console message, a header), holds the token
                // where the verdict run did not see it: the trace must not leave the run.
                File.Delete(path);
                notes.Add(replay.Exposures.Count > 0 || token.FindsInFile(path)
                    ? "No Playwright trace was kept for this site: the token was in it."
                    : "No Playwright trace was kept for this site: a secret of the run (a password, a header's value or a session cookie) was in it.");
                return (null, null);
            }
        }
        catch (Exception error) when (error is OperationCanceledException or PlaywrightException or TimeoutException or IOException or UnauthorizedAccessException
                                      && !cancellationToken.IsCancellationRequested)
        {
            // A trace is an aid: failing to make one loses none of the site's findings.
            TryDelete(path);
            notes.Add(redactor.Redact(error is OperationCanceledException
                ? $"No Playwright trace was kept for this site: its replay did not finish within what was left of the site's budget of {configuration.SiteBudgetSeconds} s."
                : $"No Playwright trace was kept for this site: it could not be written to {path} ({error.Message.Split('\n', 2)[0].Trim()})."));
            return (null, null);
        }

        return (path, replay);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Nothing was written there, or it cannot be removed; either way no trace is reported.
        }
    }

    private sealed record Played(
        IReadOnlyList<CallLogEntry> Entries, IReadOnlyList<StepResult> Steps, IReadOnlyList<TokenExposure> Exposures, string? Unreachable,
        IReadOnlyList<string> Unscanned);

    // The stub logs the script URL it served and every API request before answering.
    private static bool ServedByHarness(CallLog log, string url) =>
        log.Entries.Any(e => e is ScriptRequested { ScriptUrl: var script } && script == url || e is ApiRequest { Url: var requested } && requested == url);

    // What the call log itself has to say about the run: messages from the page-side script the harness could not
    // read (a harness bug, not the site's) are a note, never a finding, and the run goes on without them.
    internal static IEnumerable<string> LogNotes(IReadOnlyList<CallLogEntry> entries)
    {
        var unread = entries.OfType<UnrecognizedMessage>().ToList();
        if (unread.Count > 0)
        {
            yield return $"The harness could not read {unread.Count} message{(unread.Count == 1 ? "" : "s")} from its page-side script " +
                         $"(the first: {unread[0].Problem}), so the call log lacks {(unread.Count == 1 ? "that entry" : "those entries")} and the rules " +
                         "may have missed something. This is a bug in Kayako.Harness, not in the site: please report it with this note.";
        }
    }

    // Readable, and unique per site: names that clean up alike ("a/b", "a_b", "a b"; "é", "ü") differ in the hash
    // of the exact name, which stays the same from run to run. Short enough for any file system.
    internal static string FileName(string name)
    {
        var readable = string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name)))[..10];
        return $"{(readable.Length > 80 ? readable[..80] : readable)}-{hash}";
    }
}
