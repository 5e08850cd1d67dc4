using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Kayako.Harness.E2E.Tests.Remote;

/// <summary>
/// A remote browser on a loopback port, started and stopped by the test itself: a Playwright server run from the
/// driver Microsoft.Playwright ships (its node and <c>package/cli.js run-server</c>), or Debian's
/// chromium-headless-shell with its DevTools endpoint open. Ready once it prints its endpoint; killed, with
/// everything it started, on dispose.
/// </summary>
public sealed partial class RemoteBrowserProcess : IAsyncDisposable
{
    /// <summary>The headless shell both kinds run: what the Playwright server launches, and the CDP browser itself.</summary>
    public const string HeadlessShell = "/usr/lib/chromium/chromium-headless-shell";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Process process;
    private readonly string? profile;
    private readonly ConcurrentQueue<string> output;

    private RemoteBrowserProcess(Process process, string endpoint, string? profile, ConcurrentQueue<string> output)
    {
        this.process = process;
        this.profile = profile;
        this.output = output;
        Endpoint = endpoint;
    }

    /// <summary>Every line the process printed so far, standard output and error together.</summary>
    public IReadOnlyList<string> Output => [.. output];

    /// <summary>What to connect to: <c>ws://127.0.0.1:N/</c> for the server, <c>http://127.0.0.1:N</c> for CDP.</summary>
    public string Endpoint { get; }

    /// <summary>
    /// The Playwright server, <c>--unsafe</c> so a client may name the executable it launches (in the
    /// <c>x-playwright-launch-options</c> header): the machine has Debian's Chromium, not Playwright's download.
    /// </summary>
    /// <param name="logConnections">
    /// Turns on the server's own connection log (<c>DEBUG=pw:server</c>), which <see cref="Output"/> then holds: a line
    /// <c>[N] serving connection: /PATH?QUERY</c> for each client, and <c>[N] engaged launch mode for "chromium"</c> for
    /// each browser launched for one.
    /// </param>
    public static Task<RemoteBrowserProcess> StartPlaywrightServerAsync(bool logConnections = false)
    {
        var driver = Path.Combine(AppContext.BaseDirectory, ".playwright");
        var node = Path.Combine(driver, "node", "linux-x64", "node");
        var start = new ProcessStartInfo(node, [Path.Combine(driver, "package", "cli.js"), "run-server", "--port", "0", "--host", "127.0.0.1", "--unsafe"]);
        if (logConnections)
        {
            start.Environment["DEBUG"] = "pw:server";
        }

        return StartAsync(start, PlaywrightServerAddress(), match => match.Value, profile: null);
    }

    /// <summary>The launch options a client sends the server: Debian's headless shell.</summary>
    public static string LaunchOptionsJson => $$"""{"executablePath":"{{HeadlessShell}}","headless":true}""";

    /// <summary>Chromium's headless shell with its DevTools endpoint on a free loopback port.</summary>
    public static Task<RemoteBrowserProcess> StartCdpBrowserAsync()
    {
        var profile = Directory.CreateTempSubdirectory("kayako-cdp-").FullName;
        var start = new ProcessStartInfo(HeadlessShell,
            ["--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", $"--user-data-dir={profile}", "--no-sandbox", "--no-first-run", "about:blank"]);
        return StartAsync(start, DevToolsAddress(), match => $"http://127.0.0.1:{match.Groups["port"].Value}", profile);
    }

    private static async Task<RemoteBrowserProcess> StartAsync(ProcessStartInfo start, Regex announcement, Func<Match, string> endpoint, string? profile)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var announced = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new ConcurrentQueue<string>();
        void Listen(object? _, DataReceivedEventArgs line)
        {
            if (line.Data is not { } text)
            {
                return;
            }

            output.Enqueue(text);
            if (announcement.Match(text) is { Success: true } match)
            {
                announced.TrySetResult(endpoint(match));
            }
        }

        process.OutputDataReceived += Listen;
        process.ErrorDataReceived += Listen;
        process.Exited += (_, _) => announced.TrySetException(new InvalidOperationException($"{start.FileName} exited with {process.ExitCode} before printing its endpoint."));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return new RemoteBrowserProcess(process, await announced.Task.WaitAsync(StartTimeout), profile, output);
        }
        catch
        {
            await StopAsync(process);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Kills the browser (and what it started) now, as a crash or a dropped host would, and waits until it is gone.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                throw new InvalidOperationException($"{process.StartInfo.FileName} did not exit within 10 s of being killed.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(process);
        process.Dispose();
        if (profile is not null)
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // A file the dying browser still wrote; the temp folder is the system's to clean.
            }
        }
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
    private static partial Regex PlaywrightServerAddress();

    [GeneratedRegex(@"DevTools listening on ws://127\.0\.0\.1:(?<port>\d+)/")]
    private static partial Regex DevToolsAddress();
}
