using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Kayako.Harness.Bench;

/// <summary>
/// A Playwright server on a loopback port for the remote benchmark, started as tests/E2E's
/// <c>RemoteBrowserProcess</c> starts its own: the driver Microsoft.Playwright ships (its node and
/// <c>package/cli.js run-server</c>), <c>--unsafe</c> so the client may name the executable it launches (Debian's
/// Chromium, in the <c>x-playwright-launch-options</c> header). Ready once it prints its endpoint; killed with
/// everything it started on dispose. The bench's own copy, not shared with the tests: theirs is a test helper with
/// a CDP browser besides, and bench sees only the libraries' public API.
/// </summary>
internal sealed partial class PlaywrightServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Process process;

    private PlaywrightServer(Process process, string endpoint)
    {
        this.process = process;
        Endpoint = endpoint;
    }

    /// <summary>What to connect to: <c>ws://127.0.0.1:N/</c>.</summary>
    public string Endpoint { get; }

    /// <summary>The launch options a client sends the server (the <c>x-playwright-launch-options</c> header's value).</summary>
    public static string LaunchOptionsJson(string chromium) =>
        System.Text.Json.JsonSerializer.Serialize(new { executablePath = chromium, headless = true });

    public static async Task<PlaywrightServer> StartAsync(CancellationToken cancellationToken)
    {
        var driver = Path.Combine(AppContext.BaseDirectory, ".playwright");
        var start = new ProcessStartInfo(Path.Combine(driver, "node", "linux-x64", "node"),
            [Path.Combine(driver, "package", "cli.js"), "run-server", "--port", "0", "--host", "127.0.0.1", "--unsafe"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the Playwright server ({start.FileName}).");
        var announced = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Listen(object? _, DataReceivedEventArgs line)
        {
            if (line.Data is { } text && Address().Match(text) is { Success: true } match)
            {
                announced.TrySetResult(match.Value);
            }
        }

        process.OutputDataReceived += Listen;
        process.ErrorDataReceived += Listen;
        process.Exited += (_, _) => announced.TrySetException(new InvalidOperationException($"The Playwright server exited with {process.ExitCode} before printing its endpoint."));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return new PlaywrightServer(process, await announced.Task.WaitAsync(StartTimeout, cancellationToken));
        }
        catch
        {
            await StopAsync(process);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(process);
        process.Dispose();
    }

    private static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    [GeneratedRegex(@"ws://127\.0\.0\.1:\d+/")]
    private static partial Regex Address();
}
