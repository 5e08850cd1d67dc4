using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Kayako.Harness.Hosting;
using Kayako.Harness.Messenger;
using Kayako.Harness.Testing;
using Microsoft.Playwright;

namespace Kayako.Harness.Bench;

/// <summary>
/// One spec — open the toggle fixture page with the stub, click the page's toggle twice, assert
/// <c>visibility()</c> each time — through our harness and through raw Playwright in Node, both with a warm
/// browser and a fresh context per spec. Ours does per spec exactly what <see cref="MessengerPageTest"/>'s
/// set-up and tear-down do (context, tracing, fixture host, stub, call log); NUnit's own cost per test is
/// microseconds and is left out on both sides.
/// </summary>
internal static class PerSpecBenchmark
{
    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchEnvironment environment, int specs, int rounds, CancellationToken cancellationToken)
    {
        var ours = new List<double>();
        var raw = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            // Alternate which side goes first so neither always meets a machine warmed by the other.
            if (round % 2 == 0)
            {
                ours.Add(await OursAsync(environment, specs, cancellationToken));
                raw.Add(await RawAsync(environment, specs, cancellationToken));
            }
            else
            {
                raw.Add(await RawAsync(environment, specs, cancellationToken));
                ours.Add(await OursAsync(environment, specs, cancellationToken));
            }
        }

        var oursSample = new Sample(ours);
        var rawSample = new Sample(raw);
        var ratio = oursSample.Median / rawSample.Median;
        const string Section = "Per spec, warm browser, fresh context";
        return
        [
            new(Section, $"Kayako.Harness (.NET), median of {specs} specs per round, {rounds} rounds", oursSample.Format("ms", "0.0"),
                string.Create(CultureInfo.InvariantCulture, $"ours / raw = {ratio:0.00} (bar ≤ 1.20: {(ratio <= 1.2 ? "met" : "missed")})")),
            new(Section, $"raw Playwright (Node, playwright-core), same spec", rawSample.Format("ms", "0.0"), "peer"),
        ];
    }

    /// <summary>The median milliseconds of one spec over <paramref name="specs"/> specs.</summary>
    private static async Task<double> OursAsync(BenchEnvironment environment, int specs, CancellationToken cancellationToken)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = environment.Chromium, Headless = true });
        await OneSpecAsync(browser, cancellationToken); // warm-up, as the raw side gets one
        var times = new List<double>(specs);
        for (var i = 0; i < specs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await OneSpecAsync(browser, cancellationToken);
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        return new Sample(times).Median;
    }

    private static async Task OneSpecAsync(IBrowser browser, CancellationToken cancellationToken)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await context.Tracing.StartAsync(new TracingStartOptions { Snapshots = true });
        await using var host = await FixtureHost.StartAsync(cancellationToken: cancellationToken);
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

    private static async Task<double> RawAsync(BenchEnvironment environment, int specs, CancellationToken cancellationToken)
    {
        var result = await ProcessMeasurement.RunAsync(
            "node",
            [Path.Combine(environment.RawPeerFolder, "spec.js"), environment.Chromium, environment.RepositoryRoot, specs.ToString(CultureInfo.InvariantCulture)],
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
