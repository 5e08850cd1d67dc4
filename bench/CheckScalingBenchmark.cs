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
    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchEnvironment environment, IReadOnlyList<int> siteCounts, int runs, CancellationToken cancellationToken)
    {
        const string Section = "check scaling (bundled demo pages)";
        var demo = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(environment.RepositoryRoot, "fixtures", "sites", "demo", "playwright.config.json"), cancellationToken))!;
        var demoSites = demo["sites"]!.AsArray();
        var folder = Directory.CreateTempSubdirectory("kayako-harness-bench-");
        var rows = new List<ResultRow>();
        try
        {
            var perSite = new Dictionary<int, double>();
            foreach (var count in siteCounts)
            {
                var config = Path.Combine(folder.FullName, $"sites-{count}.json");
                await File.WriteAllTextAsync(config, ConfigWith(demo, demoSites, count), cancellationToken);
                var medians = new Dictionary<int, double>();
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
                    var comparison = workers == 2
                        ? string.Create(CultureInfo.InvariantCulture, $"speed-up {medians[1] / time.Median:0.00}x over 1 worker (bar ≥ 1.5x for 20+ sites)")
                        : string.Create(CultureInfo.InvariantCulture, $"{time.Median / count:0.000} s per site");
                    rows.Add(new(Section, string.Create(CultureInfo.InvariantCulture, $"{count} site(s), {workers} worker(s); peak memory {new Sample(memory).Format("MiB", "0")}"),
                        time.Format("s"), comparison));
                }

                perSite[count] = medians[1] / count;
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

            return rows;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string ConfigWith(JsonNode demo, JsonArray demoSites, int count)
    {
        var config = demo.DeepClone();
        var sites = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var site = demoSites[i % demoSites.Count]!.DeepClone();
            site["name"] = string.Create(CultureInfo.InvariantCulture, $"{site["name"]!.GetValue<string>()}-{i + 1}");
            sites.Add(site);
        }

        config["sites"] = sites;
        return config.ToJsonString();
    }
}
