using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Kayako.Harness.E2E.Tests.Checking;

/// <summary>
/// One of the demo backends under fixtures/sites/ (PHP's built-in server, or the Node server) on a free
/// loopback port, with the token in its environment as a real deployment has it.
/// </summary>
public sealed partial class SiteServer : IAsyncDisposable
{
    private readonly Process process;

    private SiteServer(Process process, Uri origin, string folder)
    {
        this.process = process;
        Origin = origin;
        Folder = folder;
    }

    public static string SitesRoot { get; } = Path.Combine(
        typeof(SiteServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
        "fixtures", "sites");

    /// <summary>Where the server listens, like <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Origin { get; }

    /// <summary>The site's folder (its pages and playwright.config.json).</summary>
    public string Folder { get; }

    /// <summary>Starts <c>php</c> or <c>node</c> on port 0 and waits for the address it announces.</summary>
    public static async Task<SiteServer> StartAsync(string kind, string token, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(SitesRoot, kind);
        var start = kind switch
        {
            "php" => new ProcessStartInfo("php", ["-S", "127.0.0.1:0", "-t", folder]),
            "node" => new ProcessStartInfo("node", [Path.Combine(folder, "server.js")]),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "php or node"),
        };
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["KAYAKO_MESSENGER_TOKEN"] = token;
        start.Environment["PORT"] = "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
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
        process.Exited += (_, _) => announced.TrySetException(new InvalidOperationException($"{kind} exited with {process.ExitCode} before listening."));
        process.EnableRaisingEvents = true;
        try
        {
            var origin = await announced.Task.WaitAsync(TimeSpan.FromSeconds(15), cancellationToken);
            return new SiteServer(process, origin, folder);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>The site's playwright.config.json with its documented origin (127.0.0.1:8080) replaced by this server's.</summary>
    public string ConfigurationJson() =>
        File.ReadAllText(Path.Combine(Folder, "playwright.config.json"))
            .Replace("http://127.0.0.1:8080/", Origin.AbsoluteUri, StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Address();
}
