using Kayako.Harness.Signing;
using System.Diagnostics;
using System.Globalization;
using Kayako.Harness.Checking.Reports;
using Kayako.Harness.Configuration;
using Kayako.Harness.Hosting;
using Microsoft.Playwright;

namespace Kayako.Harness.Checking;

/// <summary>
/// Runs <c>check</c>: one Chromium for the run (launched, or connected to with <c>browser.connect</c>), one fresh
/// context per site, sites side by side (<see cref="CheckOptions.Workers"/>). A site that cannot be opened or that
/// breaks the browser is reported as a finding; the others still run. A browser that goes away fails the sites
/// it was running and those not yet started, and the run ends. A cancelled run ends at once with the sites that finished.
/// </summary>
public static class CheckRunner
{
    // How long closing the browser may take once the run is over; a renderer stuck in a page must not hold the run.
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Checks every site of a configuration.</summary>
    /// <param name="configuration">The validated configuration.</param>
    /// <param name="options">How to run; the token comes from here, already read from its environment variable.</param>
    /// <param name="cancellationToken">
    /// Stops the run (SIGINT, say): sites still running are abandoned, and the report holds the sites that finished,
    /// with a note naming the ones cut short.
    /// </param>
    /// <returns>The report, sites in configuration order.</returns>
    /// <exception cref="BrowserNotFoundException">No Chromium was found, or it would not start; the message says how to install one.</exception>
    /// <exception cref="RemoteBrowserException">The browser of <c>browser.connect</c> could not be connected to in time.</exception>
    /// <exception cref="ConfigurationException">
    /// An environment variable a <c>browser.connect</c> header, <c>browser.httpCredentials</c>, <c>browser.headers</c> or a
    /// fill's <c>valueEnv</c> takes its value from is not set, or the <c>browser.storageState</c> file cannot be read; a
    /// <c>device</c> Playwright does not know (before the browser starts), or a <c>timezoneId</c> or <c>locale</c> Chromium refuses (before any site runs).
    /// </exception>
    public static async Task<CheckReport> RunAsync(HarnessConfiguration configuration, CheckOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Workers, 1);
        if (options.RepeatEach is < 1 or > CheckOptions.MaxRepeatEach)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RepeatEach,
                $"{nameof(CheckOptions.RepeatEach)} is {options.RepeatEach}; it must be from 1 to {CheckOptions.MaxRepeatEach}.");
        }

        var started = Stopwatch.GetTimestamp();
        var run = new RunFrame(configuration, options.Shard, DateTimeOffset.UtcNow, started);
        configuration = run.Checked;
        if (configuration.Sites.Count == 0)
        {
            // An empty shard (fewer sites than shards): nothing to open, so no browser is needed either.
            return run.Complete(Report(configuration, options, [], interrupted: false, [], started));
        }

        // Before any browser starts: a variable that is not set, or a storage-state file that cannot be read, is an error (exit 2).
        var signIn = SignIn.Read(configuration);
        configuration = signIn.Configuration;
        options = options with { SignIn = signIn };

        var connect = configuration.Browser.Connect;
        var executable = connect is null ? ChromiumLocator.Locate(configuration.Browser.ExecutablePath, configuration.Browser.Headless) : null;
        using var playwright = await Playwright.CreateAsync();

        // Device names come from the driver just started; one it does not know is an error before any browser starts.
        options = options with { Emulation = DeviceEmulation.Resolve(configuration, playwright.Devices) };
        run.Emulation = options.Emulation;

        // In memory; served only to runs that open it. It starts while the browser does.
        var demoStart = DemoSite.IsUsedBy(configuration) ? Task.Run(() => DemoSite.StartAsync(options.Token, CancellationToken.None), CancellationToken.None) : null;
        IBrowser browser;
        try
        {
            browser = connect is not null
                ? await RemoteBrowser.ConnectAsync(playwright, connect, cancellationToken)
                : await LaunchAsync(playwright, executable!, configuration.Browser.Headless, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await StopAsync(demoStart);
            return run.Complete(Report(configuration, options, new SiteResult?[configuration.Sites.Count], interrupted: true, [], started));
        }
        catch
        {
            await StopAsync(demoStart);
            throw;
        }

        FixtureHost? demo = null;
        try
        {
            demo = demoStart is null ? null : await demoStart;

            // A time zone or locale Chromium refuses is an error before any site runs, not a failure of every site.
            try
            {
                await DeviceEmulation.CheckWithBrowserAsync(browser, configuration, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return run.Complete(Report(configuration, options, new SiteResult?[configuration.Sites.Count], interrupted: true, [], started));
            }
            var (results, lost) = await RunSitesAsync(browser, configuration, demo is null ? options : WithHost(options, demo), cancellationToken);
            return run.Complete(Report(configuration, options, results, cancellationToken.IsCancellationRequested, lost, started));
        }
        finally
        {
            // The browser first: a site abandoned on cancellation may still be asking the demo for pages.
            await CloseAsync(browser);
            if (demo is not null)
            {
                await demo.DisposeAsync();
            }
        }
    }

    internal static async Task<IBrowser> LaunchAsync(IPlaywright playwright, string executable, bool headless, CancellationToken cancellationToken)
    {
        try
        {
            return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = executable, Headless = headless })
                .WaitAsync(cancellationToken);
        }
        catch (PlaywrightException error)
        {
            throw new BrowserNotFoundException(
                $"Chromium at {executable} did not start: {error.Message.Split('\n', 2)[0]} Reinstall it with: {ChromiumLocator.InstallCommand}" +
                (headless ? "" : " (browser.headless is false: a headed browser needs a display)"));
        }
    }

    // The host is attached to each site's context first, then the caller's own hook runs.
    private static CheckOptions WithHost(CheckOptions options, FixtureHost host) => options with
    {
        PrepareContextAsync = async (context, cancellationToken) =>
        {
            await host.AttachAsync(context, cancellationToken);
            if (options.PrepareContextAsync is { } prepare)
            {
                await prepare(context, cancellationToken);
            }
        },
    };

    // Runs the sites, longest first (by step count), so a long site does not start last and keep one worker busy
    // alone at the end; results stay in configuration order. On cancellation it returns at once: a site still
    // running may be stuck in a page that never answers, and what finished must not wait for it.
    // Once the browser has gone away (a remote one whose server or network dropped, a local one that crashed), the
    // sites it was running fail with a finding that says so, and the sites not yet started fail at once the same
    // way: the harness does not reconnect, so the run ends by itself and names them all.
    private static async Task<(SiteResult?[] Results, IReadOnlyList<string> Lost)> RunSitesAsync(
        IBrowser browser, HarnessConfiguration configuration, CheckOptions options, CancellationToken cancellationToken)
    {
        var sites = configuration.Sites;
        var results = new SiteResult?[sites.Count];
        IReadOnlyList<SignIn> signIns = [options.SignIn!];
        if (configuration.Setup is { } setup)
        {
            // Once per worker, before its sites, like Playwright Test's set-up projects; each worker then starts its sites from its own session.
            var setupRedactor = new TokenRedactor(options.Token, options.SignIn!.Secrets);
            (SignIn? SignedIn, string? Failure)[] outcomes;
            try
            {
                outcomes = await Task.WhenAll(Enumerable.Range(0, Math.Min(options.Workers, sites.Count * options.RepeatEach))
                    .Select(_ => SetupRun.RunAsync(browser, configuration, options, setup, setupRedactor, cancellationToken)));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return (results, []);
            }

            if (outcomes.FirstOrDefault(outcome => outcome.Failure is not null).Failure is { } failure)
            {
                return (SetupFailed(sites, failure, setupRedactor, options.Progress), []);
            }

            signIns = [.. outcomes.Select(outcome => outcome.SignedIn!)];
        }

        var redactor = new TokenRedactor(options.Token, signIns.SelectMany(signIn => signIn.Secrets));
        // One runner for all sites, or, after a set-up, one per worker (its own session): at most min(Workers, runs)
        // runs go at once, and that many set-ups ran, so a worker's runner is always free when it takes one.
        var runners = new System.Collections.Concurrent.ConcurrentBag<SiteRunner>(
            signIns.Select(signIn => new SiteRunner(browser, configuration, options with { SignIn = signIn }, redactor)));
        var shared = signIns.Count == 1 ? runners.Single() : null;
        var lost = new HashSet<string>(StringComparer.Ordinal);
        var gate = new Lock();
        var collecting = true;
        var gone = 0;
        // Cancels the sites still running: not every pending call fails when a remote browser goes (a server killed
        // mid-page leaves some waiting), and none of them should wait for the site's budget.
        using var lostSignal = new CancellationTokenSource();
        void OnDisconnected(object? sender, IBrowser closed)
        {
            Volatile.Write(ref gone, 1);
            lostSignal.Cancel();
        }

        bool Gone() => Volatile.Read(ref gone) == 1 || !browser.IsConnected;
        browser.Disconnected += OnDisconnected;
        // Each site's runs, side by side on any workers: a site played more than once is combined (and, failing, traced)
        // when its last run finishes; one played once is reported as it finishes, as it always was.
        var repeats = options.RepeatEach;
        var gathered = repeats == 1 ? null : sites.Select(_ => new RepeatedRuns(repeats)).ToArray();
        var siteStarted = new long?[sites.Count];
        var run = Parallel.ForEachAsync(
            Enumerable.Range(0, sites.Count).OrderByDescending(i => sites[i].Steps.Count).SelectMany(i => Enumerable.Range(1, repeats).Select(r => (Index: i, Run: r))),
            new ParallelOptions { MaxDegreeOfParallelism = options.Workers, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                var index = item.Index;
                lock (gate)
                {
                    if (siteStarted[index] is null)
                    {
                        siteStarted[index] = Stopwatch.GetTimestamp();
                        options.Progress?.SiteStarted(sites[index].Name);
                    }
                }

                SiteResult? result = null;
                var added = false;
                SiteRunner? runner = null;
                try
                {
                    if (!Gone())
                    {
                        using var site = CancellationTokenSource.CreateLinkedTokenSource(token, lostSignal.Token);
                        runner = shared ?? (runners.TryTake(out var own) ? own : throw new InvalidOperationException("More sites ran at once than workers signed in."));
                        try
                        {
                            result = await RunSiteAsync(runner, sites[index], traceIfFailing: gathered is null && options.KeepTraces, redactor, site.Token);
                            if (gathered is not null)
                            {
                                var runs = gathered[index];
                                added = true;
                                if (!runs.Add(item.Run, result with { Findings = FindingGroups.Group(result.Findings) }))
                                {
                                    return;
                                }

                                result = runs.Combine(Stopwatch.GetElapsedTime(siteStarted[index]!.Value));
                                result = await runner.TraceRepeatedAsync(sites[index], result, runs.ShownErrorRules, site.Token);
                            }
                        }
                        catch (OperationCanceledException) when (lostSignal.IsCancellationRequested && !token.IsCancellationRequested)
                        {
                            // The browser went away under the site: reported below like the sites that never started.
                            result = null;
                        }
                    }
                }
                finally
                {
                    if (shared is null && runner is not null)
                    {
                        runners.Add(runner);
                    }
                }

                // A repeated site whose runs the browser's loss cut short is one site-unreachable finding, like any other;
                // a run the browser took away stands for itself until the site's last run is in (once: not again when
                // the loss came during the replay that follows the last run).
                if (result is null && gathered is not null && !added && !gathered[index].Add(item.Run, BrowserGone(configuration, sites[index], siteStarted[index]!.Value)))
                {
                    return;
                }

                var wentAway = result is null || Gone();
                result = wentAway
                    ? BrowserGone(configuration, sites[index], siteStarted[index]!.Value)
                    : ScreenshotFiles.Keep(result! with { Findings = gathered is null ? FindingGroups.Group(result.Findings) : result.Findings }, configuration.Report.Dir, redactor);
                lock (gate)
                {
                    if (collecting)
                    {
                        results[index] = result;
                        if (wentAway)
                        {
                            lost.Add(sites[index].Name);
                        }

                        options.Progress?.SiteFinished(result);
                    }
                }
            });
        try
        {
            await run.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The abandoned sites fail as the browser closes; nobody waits for them.
            _ = run.ContinueWith(abandoned => abandoned.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        finally
        {
            browser.Disconnected -= OnDisconnected;
        }

        lock (gate)
        {
            collecting = false;
            return ([.. results], [.. sites.Select(s => s.Name).Where(lost.Contains)]);
        }
    }

    // A set-up that failed leaves every site unchecked: none is checked signed out. Each says why, naming the step.
    private static SiteResult?[] SetupFailed(IReadOnlyList<SiteDefinition> sites, string failure, TokenRedactor redactor, ICheckProgress? progress) =>
        [.. sites.Select(site =>
        {
            progress?.SiteStarted(site.Name);
            var finding = new Finding(RuleIds.SiteUnreachable, Severity.Error, redactor.Redact(
                $"{site.Name} ({site.JsonPath}) was not checked: {failure} Every site starts from the set-up's session, so none was checked " +
                "signed out; fix the set-up's steps (or the credentials they use) and run again."));
            var shown = redactor.Redact(site.Url.OriginalString);
            var url = shown != site.Url.OriginalString && Uri.TryCreate(shown, UriKind.Absolute, out var redacted) ? redacted : site.Url;
            var result = new SiteResult(site.Name, url, [finding], [], [], null, [], TimeSpan.Zero);
            progress?.SiteFinished(result);
            return result;
        })];

    // What the browser's loss leaves of a site: one finding that says the browser went away, not what half a run saw.
    private static SiteResult BrowserGone(HarnessConfiguration configuration, SiteDefinition site, long started)
    {
        var finding = new Finding(RuleIds.SiteUnreachable, Severity.Error,
            $"The browser went away while {site.Name} ({site.Url}, {site.JsonPath}) was being checked or waiting its turn: {BrowserName(configuration)} " +
            "closed its connection, so this site was not checked. The sites that finished before it still stand; " +
            "run this one again (--site) once the browser is back.");
        return new SiteResult(site.Name, site.Url, [finding], [], [], null, [], Stopwatch.GetElapsedTime(started));
    }

    private static string BrowserName(HarnessConfiguration configuration) => configuration.Browser.Connect switch
    {
        { OverCdp: true } connect => $"the Chromium DevTools endpoint at {connect.DisplayEndpoint}",
        { } connect => $"the Playwright server at {connect.DisplayEndpoint}",
        null => "the local Chromium",
    };

    private static CheckReport Report(HarnessConfiguration configuration, CheckOptions options, SiteResult?[] results, bool interrupted, IReadOnlyList<string> lost, long started)
    {
        var notes = Notes(configuration, options);
        var cutShort = configuration.Sites.Where((_, i) => results[i] is null).Select(site => site.Name).ToList();
        if (lost.Count > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"The browser went away during the run ({BrowserName(configuration)} closed its connection): the {lost.Count} of {configuration.Sites.Count} site(s) it was running or had not started yet failed with site-unreachable and were not checked: {string.Join(", ", lost)}. The harness does not reconnect; run them again once the browser is back."));
        }

        if (interrupted && cutShort.Count > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"The run was interrupted before {cutShort.Count} of {configuration.Sites.Count} site(s) finished; they are not in this report: {string.Join(", ", cutShort)}."));
        }

        return new CheckReport([.. results.OfType<SiteResult>()], options.Token is not null, notes, Stopwatch.GetElapsedTime(started)) { RepeatEach = options.RepeatEach };
    }

    // A demo site started for a run that never got a browser.
    private static async Task StopAsync(Task<FixtureHost>? demoStart)
    {
        if (demoStart is not null)
        {
            await (await demoStart).DisposeAsync();
        }
    }

    private static async Task CloseAsync(IBrowser browser)
    {
        try
        {
            await browser.DisposeAsync().AsTask().WaitAsync(CloseTimeout);
        }
        catch (Exception error) when (error is TimeoutException or PlaywrightException)
        {
            // Disposing Playwright, next, ends its driver and the browser with it.
        }
    }

    private static async Task<SiteResult> RunSiteAsync(SiteRunner runner, SiteDefinition site, bool traceIfFailing, TokenRedactor redactor, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await runner.RunAsync(site, traceIfFailing, cancellationToken);
        }
        catch (Exception error) when (error is PlaywrightException or TimeoutException)
        {
            var finding = new Finding(RuleIds.SiteUnreachable, Severity.Error,
                redactor.Redact($"The browser failed while checking {site.Url} ({site.JsonPath}): {error.Message.Split('\n', 2)[0]} " +
                                "The other sites were still checked; run this one alone (--site) to see whether it repeats."));
            return new SiteResult(site.Name, site.Url, [finding], [], [], null, [], Stopwatch.GetElapsedTime(started));
        }
    }

    internal static List<string> Notes(HarnessConfiguration configuration, CheckOptions options)
    {
        if (options.Token is not null)
        {
            return [];
        }

        var variable = options.TokenSource ?? configuration.Messenger.TokenEnv;
        return [variable switch
        {
            null => "No token was given (messenger.tokenEnv is null): signatures were checked for form only, and token exposure was not checked.",
            _ when variable == configuration.Messenger.TokenEnv && TokenLikeName.LooksLikeToken(variable) =>
                "messenger.tokenEnv names no set variable, and looks like a token rather than a variable name (so it is not shown): " +
                "signatures were checked for form only, and token exposure was not checked. Put the variable's name there " +
                "(like KAYAKO_MESSENGER_TOKEN) and export the token in that variable.",
            _ => $"{variable} is not set: signatures were checked for form only, and token exposure was not checked. Set it to the messenger's identity-verification token to verify them.",
        }];
    }

    // Said only by a shard's own reports: merge leaves it out, since the merged run checked every site.
    internal static string EmptyShardNote(Shard shard, int sites) => string.Create(CultureInfo.InvariantCulture,
        $"Shard {shard} has no sites: the configuration's {sites} site(s) were all dealt to other shards (with few sites per shard, a shard may get none). Nothing was checked, and the shard passes.");

    // What a run records beyond its sites: the whole configuration's fingerprint, the shard it checked (with each
    // site's index in the whole configuration, for merge), and when it ran.
    private sealed class RunFrame
    {
        private readonly HarnessConfiguration whole;
        private readonly Shard? shard;
        private readonly DateTimeOffset startedAt;
        private readonly long started;
        private readonly int[] indices;

        public RunFrame(HarnessConfiguration whole, Shard? shard, DateTimeOffset startedAt, long started)
        {
            this.whole = whole;
            this.shard = shard;
            this.startedAt = startedAt;
            this.started = started;
            indices = shard is null ? [.. Enumerable.Range(0, whole.Sites.Count)] : [.. shard.Pick([.. whole.Sites.Select(site => site.Name)])];
            Checked = shard is null ? whole : whole with { Sites = [.. indices.Select(i => whole.Sites[i])] };
        }

        /// <summary>The configuration with only the shard's sites.</summary>
        public HarnessConfiguration Checked { get; }

        /// <summary>What each site ran as, once the device names are resolved; every result records its site's.</summary>
        public DeviceEmulation? Emulation { get; set; }

        public CheckReport Complete(CheckReport report)
        {
            var position = Checked.Sites.Select((site, i) => (site.Name, Index: indices[i])).ToDictionary(p => p.Name, p => p.Index, StringComparer.Ordinal);
            var definitions = Checked.Sites.ToDictionary(site => site.Name, StringComparer.Ordinal);
            var notes = report.Notes;
            if (shard is not null && indices.Length == 0)
            {
                notes = [.. notes, EmptyShardNote(shard, whole.Sites.Count)];
            }

            return report with
            {
                Sites = [.. report.Sites.Select(site => site with { Index = position[site.Name], Emulation = Emulation?.For(definitions[site.Name]) })],
                Notes = notes,
                ConfigurationHash = ConfigurationHash.Of(whole),
                Shard = shard,
                StartedAt = startedAt,
                EndedAt = startedAt + report.Duration,
            };
        }
    }
}
