using System.Globalization;

namespace Kayako.Harness.Bench;

/// <summary>
/// <c>./kayako-harness check</c> as a user types it: a warm build (nothing to compile), a cold browser (each
/// run starts its own Chromium), the bundled demo site.
/// </summary>
internal static class StartupBenchmark
{
    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchEnvironment environment, int runs, CancellationToken cancellationToken)
    {
        var seconds = new List<double>();
        var memory = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var result = await ProcessMeasurement.RunAsync(environment.Launcher, ["check"], environment.RepositoryRoot, null, cancellationToken);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"./kayako-harness check failed (exit {result.ExitCode}): {result.Error.Trim()}\n{result.Output}");
            }

            seconds.Add(result.Seconds);
            memory.Add(result.PeakMegabytes);
        }

        const double Bar = 1.5;
        var time = new Sample(seconds);
        var met = time.Median <= Bar;
        return
        [
            new("Start-up", $"./kayako-harness check (demo site, warm build, cold browser); peak memory {new Sample(memory).Format("MiB", "0")}",
                time.Format("s"), string.Create(CultureInfo.InvariantCulture, $"bar ≤ {Bar:0.0} s: {(met ? "met" : "missed")}"),
                new Target(5, "cold `./kayako-harness check`, demo site", time.Format("s"), string.Create(CultureInfo.InvariantCulture, $"≤ {Bar:0.0} s"), met)),
        ];
    }
}
