using System.Globalization;
using System.Text.RegularExpressions;

namespace Kayako.Harness.Bench;

/// <summary>
/// A user's suite, whole process, wall time: 60 messenger specs (open the toggle fixture page, click the toggle
/// twice, assert each visibility state) on 2 workers, as <c>dotnet test</c> on <c>MessengerPageTest</c> specs
/// (MessengerSuite/, built before the timings, run with <c>--no-build</c>) and as <c>npx playwright test</c> with
/// <c>@playwright/test</c> at Microsoft.Playwright's version (raw/suite/: the same page and stub routed by hand,
/// the same Debian Chromium, no trace on a first run as Playwright Test's default <c>on-first-retry</c>). Both
/// must report all 60 passed, or the round does not count.
/// </summary>
internal static partial class SuiteBenchmark
{
    private const int Specs = 60;
    private const double Bar = 0.8;
    private const string Configuration = "Release";

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchEnvironment environment, int rounds, CancellationToken cancellationToken)
    {
        const string Section = "A user's suite: 60 messenger specs, 2 workers, whole process";
        var project = Path.Combine(environment.RepositoryRoot, "bench", "MessengerSuite", "Kayako.Harness.Bench.MessengerSuite.csproj");
        var build = await ProcessMeasurement.RunAsync("dotnet", ["build", project, "-c", Configuration, "-nologo", "-clp:ErrorsOnly", "-v:quiet"],
            environment.RepositoryRoot, null, cancellationToken);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"Building the .NET suite failed (exit {build.ExitCode}):\n{build.Output}{build.Error}");
        }

        var dotnet = new List<double>();
        var npx = new List<double>();
        var dotnetMemory = new List<double>();
        var npxMemory = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            // Alternate which goes first so neither always meets a machine the other warmed or loaded.
            var sides = new Func<Task>[]
            {
                async () =>
                {
                    var result = await ProcessMeasurement.RunAsync("dotnet", ["test", project, "-c", Configuration, "--no-build", "-nologo"],
                        Path.GetDirectoryName(project)!, null, cancellationToken);
                    Verify(result, "dotnet test", DotnetPassed().Match(result.Output), DotnetFailed().Match(result.Output));
                    dotnet.Add(result.Seconds);
                    dotnetMemory.Add(result.PeakMegabytes);
                },
                async () =>
                {
                    var result = await ProcessMeasurement.RunAsync("npx", ["playwright", "test", "-c", Path.Combine("suite", "playwright.config.js")],
                        environment.RawPeerFolder, new Dictionary<string, string> { ["KAYAKO_BENCH_CHROMIUM"] = environment.Chromium }, cancellationToken);
                    Verify(result, "npx playwright test", PlaywrightPassed().Match(result.Output), PlaywrightFailed().Match(result.Output));
                    npx.Add(result.Seconds);
                    npxMemory.Add(result.PeakMegabytes);
                },
            };
            await sides[round % 2]();
            await sides[(round + 1) % 2]();
        }

        var ratio = Sample.Ratios(dotnet, npx);
        var met = ratio.Median <= Bar;
        var bar = string.Create(CultureInfo.InvariantCulture, $"≤ {Bar:0.0}");
        return
        [
            new(Section, $"`dotnet test --no-build`, {Specs} MessengerPageTest specs, {rounds} round(s); peak memory {new Sample(dotnetMemory).Format("MiB", "0")}",
                new Sample(dotnet).Format("s"), $"dotnet / npx = {ratio.Format("")} (bar {bar}: {(met ? "met" : "missed")})",
                new Target(2, $"{Specs}-spec user suite, `dotnet test` / `npx playwright test` (2 workers, wall)", ratio.Format(""), bar, met)),
            new(Section, $"`npx playwright test` (@playwright/test, no trace on a first run), {Specs} specs; peak memory {new Sample(npxMemory).Format("MiB", "0")}",
                new Sample(npx).Format("s"), "the peer"),
        ];
    }

    private static void Verify(ProcessMeasurement.Result result, string what, Match passed, Match failed)
    {
        var passedCount = passed.Success ? int.Parse(passed.Groups["n"].Value, CultureInfo.InvariantCulture) : 0;
        var failedCount = failed.Success ? int.Parse(failed.Groups["n"].Value, CultureInfo.InvariantCulture) : 0;
        if (result.ExitCode != 0 || passedCount != Specs || failedCount != 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{what} did not pass all {Specs} specs (exit {result.ExitCode}, {passedCount} passed, {failedCount} failed):\n{result.Output}\n{result.Error.Trim()}"));
        }
    }

    // dotnet test (VSTest): "Passed!  - Failed:     0, Passed:    60, Skipped:     0, Total:    60, ..."
    [GeneratedRegex(@"\bPassed:\s+(?<n>\d+)")]
    private static partial Regex DotnetPassed();

    [GeneratedRegex(@"\bFailed:\s+(?<n>\d+)")]
    private static partial Regex DotnetFailed();

    // Playwright Test's dot reporter: "  60 passed (43.3s)", and "  2 failed" when some do.
    [GeneratedRegex(@"(?<n>\d+) passed\b")]
    private static partial Regex PlaywrightPassed();

    [GeneratedRegex(@"(?<n>\d+) failed\b")]
    private static partial Regex PlaywrightFailed();
}
