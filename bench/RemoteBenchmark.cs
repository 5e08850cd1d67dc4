using System.Globalization;
using System.Text.Json.Nodes;

namespace Kayako.Harness.Bench;

/// <summary>
/// Issue 12's protocol overhead: <c>check</c> over the demo sites (the configuration
/// <see cref="CheckScalingBenchmark"/> runs) with 1 worker, on a local Chromium and on the same Chromium launched by
/// a Playwright server on this machine (<c>browser.connect</c>, the launch options in a header whose value comes
/// from an environment variable, as a service's credentials would). Both runs start their own browser; the server
/// itself is started once, outside the timings, and always stopped.
/// </summary>
internal static class RemoteBenchmark
{
    private const string LaunchOptionsVariable = "KAYAKO_BENCH_LAUNCH_OPTIONS";

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchEnvironment environment, int sites, int rounds, CancellationToken cancellationToken)
    {
        const string Section = "Remote browser (issue 12): local vs a Playwright server on the same machine";
        var folder = Directory.CreateTempSubdirectory("kayako-harness-bench-");
        try
        {
            await using var server = await PlaywrightServer.StartAsync(cancellationToken);
            var local = await CheckScalingBenchmark.DemoConfigurationAsync(environment, sites, cancellationToken);
            var remote = local.DeepClone();
            remote["browser"] = new JsonObject
            {
                ["connect"] = new JsonObject
                {
                    ["wsEndpoint"] = server.Endpoint,
                    ["headers"] = new JsonObject { ["x-playwright-launch-options"] = LaunchOptionsVariable },
                },
            };
            var localPath = Path.Combine(folder.FullName, "local.json");
            var remotePath = Path.Combine(folder.FullName, "remote.json");
            await File.WriteAllTextAsync(localPath, local.ToJsonString(), cancellationToken);
            await File.WriteAllTextAsync(remotePath, remote.ToJsonString(), cancellationToken);
            var variables = new Dictionary<string, string> { [LaunchOptionsVariable] = PlaywrightServer.LaunchOptionsJson(environment.Chromium) };

            var localSeconds = new List<double>();
            var remoteSeconds = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                // Alternate which goes first so neither always meets a machine the other warmed or loaded.
                var sides = new Func<Task>[]
                {
                    async () => localSeconds.Add(await CheckAsync(environment, localPath, null, "local", cancellationToken)),
                    async () => remoteSeconds.Add(await CheckAsync(environment, remotePath, variables, "over the Playwright server", cancellationToken)),
                };
                await sides[round % 2]();
                await sides[(round + 1) % 2]();
            }

            var overhead = Sample.Ratios(remoteSeconds, localSeconds);
            return
            [
                new(Section, $"check, {sites} sites, 1 worker, local Chromium, {rounds} round(s)", new Sample(localSeconds).Format("s"), "the peer"),
                new(Section, $"check, {sites} sites, 1 worker, over a Playwright server (loopback)", new Sample(remoteSeconds).Format("s"),
                    $"protocol overhead: remote / local = {overhead.Format("")}"),
            ];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<double> CheckAsync(BenchEnvironment environment, string config, IReadOnlyDictionary<string, string>? variables, string how, CancellationToken cancellationToken)
    {
        var result = await ProcessMeasurement.RunAsync(environment.Launcher, ["check", "--config", config, "--workers", "1"],
            environment.RepositoryRoot, variables, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"check {how} failed (exit {result.ExitCode}): {result.Error.Trim()}\n{result.Output}"));
        }

        return result.Seconds;
    }
}
