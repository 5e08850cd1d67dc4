using System.Diagnostics;
using System.Globalization;

namespace Kayako.Harness.Bench;

/// <summary>
/// Runs a command to completion and measures its wall time and the peak resident memory of its whole
/// process tree (Chromium's processes included), sampled from /proc every 20 ms.
/// </summary>
internal static class ProcessMeasurement
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(20);

    public sealed record Result(double Seconds, double PeakMegabytes, int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        long peakKilobytes = 0;
        var exited = process.WaitForExitAsync(cancellationToken);
        while (!exited.IsCompleted)
        {
            peakKilobytes = Math.Max(peakKilobytes, TreeResidentKilobytes(process.Id));
            await Task.WhenAny(exited, Task.Delay(SampleInterval, cancellationToken));
        }

        await exited;
        stopwatch.Stop();
        return new Result(stopwatch.Elapsed.TotalSeconds, peakKilobytes / 1024.0, process.ExitCode, await output, await error);
    }

    /// <summary>The summed VmRSS of <paramref name="root"/> and every descendant.</summary>
    private static long TreeResidentKilobytes(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && TryReadParent(directory, out var parent))
            {
                parents[pid] = parent;
            }
        }

        long total = 0;
        foreach (var pid in parents.Keys)
        {
            for (var ancestor = pid; ancestor > 1; ancestor = parents.GetValueOrDefault(ancestor))
            {
                if (ancestor == root)
                {
                    total += ResidentKilobytes(pid);
                    break;
                }
            }
        }

        return total;
    }

    private static bool TryReadParent(string directory, out int parent)
    {
        parent = 0;
        try
        {
            // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
            var stat = File.ReadAllText(Path.Combine(directory, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out parent);
        }
        catch (IOException)
        {
            return false; // the process ended while we looked
        }
    }

    private static long ResidentKilobytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
