using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Kayako.Harness.E2E.Tests.Checking;

/// <summary>
/// The two backends of fixtures/sites/patterns/: the Node server and the PHP router, each on a free loopback
/// port with the token in its environment, as a real deployment has it.
/// </summary>
public sealed partial class PatternSitesServer : IAsyncDisposable
{
    private readonly Process[] processes;

    private PatternSitesServer(Process[] processes, Uri node, Uri php)
    {
        this.processes = processes;
        Node = node;
        Php = php;
    }

    /// <summary>fixtures/sites/patterns/.</summary>
    public static string Folder { get; } = Path.Combine(SiteServer.SitesRoot, "patterns");

    /// <summary>The Node server's origin.</summary>
    public Uri Node { get; }

    /// <summary>The PHP router's origin.</summary>
    public Uri Php { get; }

    /// <summary>Starts both servers on port 0 and waits for the addresses they announce.</summary>
    public static async Task<PatternSitesServer> StartAsync(string token, CancellationToken cancellationToken = default)
    {
        var started = new List<Process>();
        try
        {
            var node = await StartOneAsync(new ProcessStartInfo("node", [Path.Combine(Folder, "server.js")]), token, started, cancellationToken);
            var php = await StartOneAsync(new ProcessStartInfo("php", ["-S", "127.0.0.1:0", Path.Combine(Folder, "router.php")]), token, started, cancellationToken);
            return new PatternSitesServer([.. started], node, php);
        }
        catch
        {
            foreach (var process in started)
            {
                process.Kill(entireProcessTree: true);
                process.Dispose();
            }

            throw;
        }
    }

    /// <summary>The patterns' playwright.config.json pointed at these servers (documented at ports 8081 and 8082).</summary>
    public string ConfigurationJson() =>
        File.ReadAllText(Path.Combine(Folder, "playwright.config.json"))
            .Replace("http://127.0.0.1:8081/", Node.AbsoluteUri, StringComparison.Ordinal)
            .Replace("http://127.0.0.1:8082/", Php.AbsoluteUri, StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        foreach (var process in processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }
    }

    private static async Task<Uri> StartOneAsync(ProcessStartInfo start, string token, List<Process> started, CancellationToken cancellationToken)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.WorkingDirectory = Folder;
        start.Environment["KAYAKO_MESSENGER_TOKEN"] = token;
        start.Environment["PORT"] = "0";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException(
                $"Could not start '{start.FileName}' for the pattern sites: {missing.Message}. Install it (apt-get install -y php-cli; Node 20) and run the tests again.",
                missing);
        }

        started.Add(process);
        var announced = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Listen(object? _, DataReceivedEventArgs line)
        {
            if (line.Data is { } text && Address().Match(text) is { Success: true } match)
            {
                announced.TrySetResult(new Uri(match.Value + "/"));
            }
        }

        process.OutputDataReceived += Listen;
        process.ErrorDataReceived += Listen;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.Exited += (_, _) => announced.TrySetException(new InvalidOperationException($"{start.FileName} exited with {process.ExitCode} before listening."));
        process.EnableRaisingEvents = true;
        return await announced.Task.WaitAsync(TimeSpan.FromSeconds(15), cancellationToken);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Address();
}
