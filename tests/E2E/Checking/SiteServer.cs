using System.Diagnostics;

namespace Kayako.Harness.E2E.Tests.Checking;

/// <summary>
/// One of the demo backends under fixtures/sites/ (PHP's built-in server, or the Node server) on a free
/// loopback port, with the token in its environment as a real deployment has it.
/// </summary>
public sealed class SiteServer : IAsyncDisposable
{
    private readonly BackendProcess backend;

    private SiteServer(BackendProcess backend, string folder)
    {
        this.backend = backend;
        Folder = folder;
    }

    public static string SitesRoot { get; } = RepositoryFixtures.PathOf("sites");

    /// <summary>Where the server listens, like <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Origin => backend.Origin;

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
        return new SiteServer(await BackendProcess.StartAsync(start, token, cancellationToken), folder);
    }

    /// <summary>The site's playwright.config.json with its documented origin (127.0.0.1:8080) replaced by this server's.</summary>
    public string ConfigurationJson() =>
        File.ReadAllText(Path.Combine(Folder, "playwright.config.json"))
            .Replace("http://127.0.0.1:8080/", Origin.AbsoluteUri, StringComparison.Ordinal);

    public ValueTask DisposeAsync() => backend.DisposeAsync();
}
