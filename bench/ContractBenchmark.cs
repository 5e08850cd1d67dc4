using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Kayako.Harness.Signing;

namespace Kayako.Harness.Bench;

/// <summary>
/// <c>contract --random N</c> as a user runs it (the launcher, process start included) against a naive
/// checker that starts one PHP and one Node process per vector — measured on a sample of vectors and
/// extrapolated, since 100,000 of them would take most of an hour.
/// </summary>
internal static class ContractBenchmark
{
    private const int NaiveSample = 200;

    public static async Task<IReadOnlyList<ResultRow>> RunAsync(BenchEnvironment environment, IReadOnlyList<int> sizes, int runs, CancellationToken cancellationToken)
    {
        const string Section = "Contract, three ways (C#, PHP, Node)";
        var naivePerVector = await NaiveSecondsPerVectorAsync(environment, cancellationToken);
        var rows = new List<ResultRow>();
        foreach (var size in sizes)
        {
            var seconds = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var result = await ProcessMeasurement.RunAsync(environment.Launcher,
                    ["contract", "--random", size.ToString(CultureInfo.InvariantCulture), "--seed", (run + 1).ToString(CultureInfo.InvariantCulture)],
                    environment.RepositoryRoot, null, cancellationToken);
                if (result.ExitCode != 0)
                {
                    throw new InvalidOperationException($"contract --random {size} failed (exit {result.ExitCode}): {result.Error.Trim()}");
                }

                seconds.Add(result.Seconds);
            }

            var sample = new Sample(seconds);
            var naive = naivePerVector * size;
            var bar = size == 10_000 ? (sample.Median <= 3 ? "; bar ≤ 3 s: met" : "; bar ≤ 3 s: missed") : "";
            rows.Add(new(Section, string.Create(CultureInfo.InvariantCulture, $"contract --random {size:N0}"), sample.Format("s"),
                string.Create(CultureInfo.InvariantCulture, $"naive ≈ {naive:0.0} s, {naive / sample.Median:0}x slower{bar}")));
        }

        rows.Add(new(Section, $"naive: one php + one node process per vector ({NaiveSample} vectors)",
            string.Create(CultureInfo.InvariantCulture, $"{naivePerVector * 1000:0.0} ms per vector"), "peer, extrapolated linearly"));
        return rows;
    }

    private static async Task<double> NaiveSecondsPerVectorAsync(BenchEnvironment environment, CancellationToken cancellationToken)
    {
        var php = Path.Combine(environment.RepositoryRoot, "fixtures", "contract", "sign.php");
        var node = Path.Combine(environment.RepositoryRoot, "fixtures", "contract", "sign.js");
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < NaiveSample; i++)
        {
            var line = JsonSerializer.Serialize(new { name = $"User {i}", email = $"user{i}@example.com", token = "bench-token", timestamp = 1_700_000_000 + i });
            var expected = MessengerSignature.Compute($"User {i}", $"user{i}@example.com", "bench-token", 1_700_000_000 + i);
            foreach (var (interpreter, script) in new[] { ("php", php), ("node", node) })
            {
                var output = await SignOneAsync(interpreter, script, line, cancellationToken);
                if (!output.Contains(expected, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"The naive checker's {interpreter} disagreed on vector {i}: {output}");
                }
            }
        }

        return stopwatch.Elapsed.TotalSeconds / NaiveSample;
    }

    private static async Task<string> SignOneAsync(string interpreter, string script, string line, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(interpreter) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {interpreter}.");
        await process.StandardInput.WriteLineAsync(line.AsMemory(), cancellationToken);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return output;
    }
}
