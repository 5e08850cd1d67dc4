using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Kayako.Harness.Hosting;
using Kayako.Harness.Messenger;
using Kayako.Harness.NUnit;
using Microsoft.Playwright;

namespace Kayako.Harness.Bench;

/// <summary>
/// One spec — open the toggle fixture page with the stub, click the page's toggle twice, assert
/// <c>visibility()</c> each time — through our harness and through raw Playwright in Node, both with a warm
/// browser and a fresh context per spec. Ours does per spec exactly what <see cref="MessengerPageTest"/>'s
/// set-up and tear-down do (context, an actions-only trace kept only on failure, the run's fixture host, stub, call log);
/// NUnit's own cost per test is microseconds and is left out. Raw runs twice: bare (Playwright Test's default
/// <c>on-first-retry</c> records no trace on a first run, so issue 13's bar, ≤ 1.05, is against this one) and with
/// a full trace (DOM snapshots) per spec dropped when it passes (<c>retain-on-failure</c>; ours with
/// <c>KAYAKO_HARNESS_TRACE=full</c>).
/// </summary>
internal static class PerSpecBenchmark
{
    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchEnvironment environment, int specs, int rounds, CancellationToken cancellationToken)
    {
        var ours = new List<double>();
        var rawTraced = new List<double>();
        var rawBare = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            // Rotate which side goes first so none always meets a machine warmed or loaded by another.
            var sides = new Func<Task>[]
            {
                async () => ours.Add(await OursAsync(environment, specs, cancellationToken)),
                async () => rawTraced.Add(await RawAsync(environment, specs, "trace", cancellationToken)),
                async () => rawBare.Add(await RawAsync(environment, specs, "bare", cancellationToken)),
            };
            for (var i = 0; i < sides.Length; i++)
            {
                await sides[(round + i) % sides.Length]();
            }
        }

        var oursSample = new Sample(ours);
        var tracedSample = new Sample(rawTraced);
        var bareSample = new Sample(rawBare);
        // Issue 13's headline: against raw Playwright without a trace (Playwright Test's default records none on a
        // first run), each round's ratio of medians, so the spread is the rounds' own.
        var bare = Sample.Ratios(ours, rawBare);
        var traced = Sample.Ratios(ours, rawTraced);
        const string Section = "Per spec, warm browser, fresh context";
        const double Bar = 1.05;
        var met = bare.Median <= Bar;
        return
        [
            new(Section, $"Kayako.Harness (.NET), median of {specs} specs per round, {rounds} round(s)", oursSample.Format("ms", "0.0"),
                string.Create(CultureInfo.InvariantCulture, $"ours / raw without trace = {bare.Format("")} (bar ≤ {Bar:0.00}: {(met ? "met" : "missed")}); ours / raw with trace = {traced.Format("")}"),
                new Target(1, "one spec, ours / raw Playwright without trace", bare.Format(""), string.Create(CultureInfo.InvariantCulture, $"≤ {Bar:0.00}"), met)),
            new(Section, "raw Playwright (Node, playwright-core), no trace", bareSample.Format("ms", "0.0"), "the peer of the bar"),
            new(Section, "raw Playwright (Node, playwright-core), trace per spec dropped on pass", tracedSample.Format("ms", "0.0"), "like-for-like peer (ours keeps a trace of every failure)"),
        ];
    }

    /// <summary>The median milliseconds of one spec over <paramref name="specs"/> specs.</summary>
    private static async Task<double> OursAsync(BenchEnvironment environment, int specs, CancellationToken cancellationToken)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = environment.Chromium, Headless = true });
        await using var host = await FixtureHost.StartAsync(cancellationToken: cancellationToken); // once per run, as MessengerPageTest keeps one per worker
        await OneSpecAsync(browser, host, cancellationToken); // warm-up, as the raw side gets one
        var times = new List<double>(specs);
        for (var i = 0; i < specs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await OneSpecAsync(browser, host, cancellationToken);
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        return new Sample(times).Median;
    }

    private static async Task OneSpecAsync(IBrowser browser, FixtureHost host, CancellationToken cancellationToken)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await context.Tracing.StartAsync(new TracingStartOptions { Snapshots = false, Screenshots = false }); // MessengerPageTest's default (KAYAKO_HARNESS_TRACE=actions)
        await host.AttachAsync(context, cancellationToken);
        await using var session = await MessengerStub.InstallAsync(context, MessengerOptions.Default, cancellationToken);
        var messenger = session.For(page);

        await page.GotoAsync(host.PageUrl("toggle.html"));
        await messenger.WaitForReadyAsync(cancellationToken: cancellationToken);
        await page.ClickAsync("#toggle-chat");
        await messenger.ShouldBecomeAsync(MessengerVisibility.Maximized, cancellationToken: cancellationToken);
        await page.ClickAsync("#toggle-chat");
        await messenger.ShouldBecomeAsync(MessengerVisibility.Minimized, cancellationToken: cancellationToken);

        await context.Tracing.StopAsync();
    }

    private static async Task<double> RawAsync(BenchEnvironment environment, int specs, string tracing, CancellationToken cancellationToken)
    {
        var result = await ProcessMeasurement.RunAsync(
            "node",
            [Path.Combine(environment.RawPeerFolder, "spec.js"), environment.Chromium, environment.RepositoryRoot, specs.ToString(CultureInfo.InvariantCulture), tracing],
            environment.RawPeerFolder, null, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"The raw Playwright peer failed (exit {result.ExitCode}): {result.Error.Trim()}");
        }

        using var json = JsonDocument.Parse(result.Output);
        var times = json.RootElement.GetProperty("millisecondsPerSpec").EnumerateArray().Select(value => value.GetDouble()).ToList();
        return new Sample(times).Median;
    }
}
