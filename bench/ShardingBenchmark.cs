using System.Globalization;

namespace Kayako.Harness.Bench;

/// <summary>
/// Issue 12's sharding overhead: <c>check</c> over the demo sites (the configuration
/// <see cref="CheckScalingBenchmark"/> runs), 2 workers, as one run against its 4 shards
/// (<c>--shard i/4 --json sN.json</c>) run one after another, as four CI jobs on one machine would cost; then
/// <c>merge</c> of the four JSON reports. Every run writes its JSON report, so the comparison is like for like.
/// </summary>
internal static class ShardingBenchmark
{
    private const int Shards = 4;

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchEnvironment environment, int sites, int rounds, CancellationToken cancellationToken)
    {
        const string Section = "Sharding (issue 12): 4 shards one after another vs one run";
        var folder = Directory.CreateTempSubdirectory("kayako-harness-bench-");
        try
        {
            var config = Path.Combine(folder.FullName, "sites.json");
            await File.WriteAllTextAsync(config, (await CheckScalingBenchmark.DemoConfigurationAsync(environment, sites, cancellationToken)).ToJsonString(), cancellationToken);
            var whole = new List<double>();
            var sharded = new List<double>();
            var merged = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                // Alternate which goes first so neither always meets a machine the other warmed or loaded.
                var sides = new Func<Task>[]
                {
                    async () => whole.Add(await RunAsync(environment, folder.FullName, ["check", "--config", config, "--workers", "2", "--json", "whole.json"], "check", cancellationToken)),
                    async () =>
                    {
                        var total = 0.0;
                        for (var shard = 1; shard <= Shards; shard++)
                        {
                            total += await RunAsync(environment, folder.FullName,
                                ["check", "--config", config, "--workers", "2", "--shard", string.Create(CultureInfo.InvariantCulture, $"{shard}/{Shards}"), "--json", $"s{shard}.json"],
                                $"check --shard {shard}/{Shards}", cancellationToken);
                        }

                        sharded.Add(total);
                        merged.Add(await RunAsync(environment, folder.FullName,
                            ["merge", .. Enumerable.Range(1, Shards).Select(shard => $"s{shard}.json"), "--json", "merged.json"], "merge", cancellationToken));
                    },
                };
                await sides[round % 2]();
                await sides[(round + 1) % 2]();
            }

            var overhead = Sample.Ratios(sharded, whole);
            return
            [
                new(Section, $"check, {sites} sites, 2 workers, one run, {rounds} round(s)", new Sample(whole).Format("s"), "the peer"),
                new(Section, $"check, {sites} sites, 2 workers each, {Shards} shards one after another (summed)", new Sample(sharded).Format("s"),
                    $"sharding overhead: {Shards} shards / one run = {overhead.Format("")}"),
                new(Section, $"merge of the {Shards} shards' JSON reports", new Sample(merged).Format("s"), "once all shards are done"),
            ];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Runs one verb in <paramref name="folder"/> (where its reports go) and returns its wall seconds.</summary>
    private static async Task<double> RunAsync(BenchEnvironment environment, string folder, string[] arguments, string what, CancellationToken cancellationToken)
    {
        var result = await ProcessMeasurement.RunAsync(environment.Launcher, arguments, folder, null, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{what} failed (exit {result.ExitCode}): {result.Error.Trim()}\n{result.Output}"));
        }

        return result.Seconds;
    }
}
