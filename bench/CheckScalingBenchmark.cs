using System.Globalization;
using System.Text.Json.Nodes;

namespace Kayako.Harness.Bench;

/// <summary>
/// <c>check --config</c> over 1, 5, 20 and 50 sites with 1 and 2 workers: wall time and the peak memory of the
/// whole process tree (Chromium included). The sites cycle through the bundled demo site's five, so every
/// run checks the same kind of page and the growth is the harness's own.
/// </summary>
internal static class CheckScalingBenchmark
{
    private const double SpeedUpBar = 1.7;
    private const double PerAddedSiteBar = 0.15;

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchEnvironment environment, IReadOnlyList<int> siteCounts, int runs, CancellationToken cancellationToken)
    {
        const string Section = "check scaling (bundled demo pages)";
        var folder = Directory.CreateTempSubdirectory("kayako-harness-bench-");
        var rows = new List<ResultRow>();
        try
        {
            var perSite = new Dictionary<int, double>();
            var oneWorker = new Dictionary<int, List<double>>();
            foreach (var count in siteCounts)
            {
                var config = Path.Combine(folder.FullName, $"sites-{count}.json");
                await File.WriteAllTextAsync(config, (await DemoConfigurationAsync(environment, count, cancellationToken)).ToJsonString(), cancellationToken);
                var medians = new Dictionary<int, double>();
                var byWorkers = new Dictionary<int, List<double>>();
                foreach (var workers in new[] { 1, 2 })
                {
                    var seconds = new List<double>();
                    var memory = new List<double>();
                    for (var run = 0; run < runs; run++)
                    {
                        var result = await ProcessMeasurement.RunAsync(environment.Launcher,
                            ["check", "--config", config, "--workers", workers.ToString(CultureInfo.InvariantCulture)],
                            environment.RepositoryRoot, null, cancellationToken);
                        if (result.ExitCode != 0)
                        {
                            throw new InvalidOperationException($"check over {count} sites failed (exit {result.ExitCode}): {result.Error.Trim()}\n{result.Output}");
                        }

                        seconds.Add(result.Seconds);
                        memory.Add(result.PeakMegabytes);
                    }

                    var time = new Sample(seconds);
                    medians[workers] = time.Median;
                    byWorkers[workers] = seconds;
                    var what = string.Create(CultureInfo.InvariantCulture, $"{count} site(s), {workers} worker(s); peak memory {new Sample(memory).Format("MiB", "0")}");
                    if (workers == 1)
                    {
                        rows.Add(new(Section, what, time.Format("s"), string.Create(CultureInfo.InvariantCulture, $"{time.Median / count:0.000} s per site")));
                        continue;
                    }

                    // The speed-up run by run (run i with 1 worker against run i with 2), so its spread is the runs' own.
                    var speedUp = Sample.Ratios(byWorkers[1], seconds);
                    var met = speedUp.Median >= SpeedUpBar;
                    var target = count == siteCounts.Max()
                        ? new Target(4, $"`check` {count} sites, 2 workers vs 1 (speed-up)", speedUp.Format("×"), string.Create(CultureInfo.InvariantCulture, $"≥ {SpeedUpBar:0.0}×"), met)
                        : null;
                    rows.Add(new(Section, what, time.Format("s"),
                        string.Create(CultureInfo.InvariantCulture, $"speed-up {speedUp.Format("×")} over 1 worker{(target is null ? "" : $" (bar ≥ {SpeedUpBar:0.0}×: {(met ? "met" : "missed")})")}"),
                        target));
                }

                perSite[count] = medians[1] / count;
                oneWorker[count] = byWorkers[1];
            }

            // Linear growth means each added site costs the same: compare the cost per added site across the
            // two largest steps (start-up is in every run, so it drops out of the differences).
            var counts = siteCounts.Order().ToArray();
            if (counts.Length >= 3)
            {
                var (a, b, c) = (counts[^3], counts[^2], counts[^1]);
                var lower = (perSite[b] * b - perSite[a] * a) / (b - a);
                var upper = (perSite[c] * c - perSite[b] * b) / (c - b);
                rows.Add(new(Section, string.Create(CultureInfo.InvariantCulture, $"linearity: seconds per added site, 1 worker, {a}→{b} sites vs {b}→{c} sites"),
                    string.Create(CultureInfo.InvariantCulture, $"{lower:0.000} s vs {upper:0.000} s"),
                    string.Create(CultureInfo.InvariantCulture, $"ratio {upper / lower:0.00} (1.00 is perfectly linear)")));
            }

            // Issue 13's cost per added site: the largest step, run by run (run i at c sites minus run i at b).
            if (counts.Length >= 2)
            {
                var (b, c) = (counts[^2], counts[^1]);
                var added = new Sample(oneWorker[c].Zip(oneWorker[b], (more, fewer) => (more - fewer) / (c - b)).ToList());
                var met = added.Median <= PerAddedSiteBar;
                rows.Add(new(Section, string.Create(CultureInfo.InvariantCulture, $"seconds per added site, 1 worker, {b}→{c} sites"), added.Format("s", "0.000"),
                    string.Create(CultureInfo.InvariantCulture, $"bar ≤ {PerAddedSiteBar:0.00} s: {(met ? "met" : "missed")}"),
                    new Target(3, string.Create(CultureInfo.InvariantCulture, $"`check` seconds per added site, 1 worker ({b}→{c} sites)"), added.Format("s", "0.000"),
                        string.Create(CultureInfo.InvariantCulture, $"≤ {PerAddedSiteBar:0.00} s"), met)));
            }

            return rows;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The bundled demo site's configuration with <paramref name="count"/> sites, cycling through its five (named
    /// <c>home-1</c>, <c>account-2</c>, ...): what every benchmark of <c>check</c> runs.
    /// </summary>
    public static async Task<JsonNode> DemoConfigurationAsync(BenchEnvironment environment, int count, CancellationToken cancellationToken)
    {
        var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(environment.RepositoryRoot, "fixtures", "sites", "demo", "playwright.config.json"), cancellationToken))!;
        var demoSites = config["sites"]!.AsArray();
        var sites = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var site = demoSites[i % demoSites.Count]!.DeepClone();
            site["name"] = string.Create(CultureInfo.InvariantCulture, $"{site["name"]!.GetValue<string>()}-{i + 1}");
            sites.Add(site);
        }

        config["sites"] = sites;
        return config;
    }
}
