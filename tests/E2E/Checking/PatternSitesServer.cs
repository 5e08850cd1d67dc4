using System.Diagnostics;

namespace Kayako.Harness.E2E.Tests.Checking;

/// <summary>
/// The two backends of fixtures/sites/patterns/: the Node server and the PHP router, each on a free loopback
/// port with the token in its environment, as a real deployment has it.
/// </summary>
public sealed class PatternSitesServer : IAsyncDisposable
{
    private readonly BackendProcess node;
    private readonly BackendProcess php;

    private PatternSitesServer(BackendProcess node, BackendProcess php)
    {
        this.node = node;
        this.php = php;
    }

    /// <summary>fixtures/sites/patterns/.</summary>
    public static string Folder { get; } = Path.Combine(SiteServer.SitesRoot, "patterns");

    /// <summary>The Node server's origin.</summary>
    public Uri Node => node.Origin;

    /// <summary>The PHP router's origin.</summary>
    public Uri Php => php.Origin;

    /// <summary>Starts both servers on port 0 and waits for the addresses they announce.</summary>
    public static async Task<PatternSitesServer> StartAsync(string token, CancellationToken cancellationToken = default)
    {
        var node = await BackendProcess.StartAsync(new ProcessStartInfo("node", [Path.Combine(Folder, "server.js")]) { WorkingDirectory = Folder }, token, cancellationToken);
        try
        {
            var php = await BackendProcess.StartAsync(
                new ProcessStartInfo("php", ["-S", "127.0.0.1:0", Path.Combine(Folder, "router.php")]) { WorkingDirectory = Folder }, token, cancellationToken);
            return new PatternSitesServer(node, php);
        }
        catch
        {
            await node.DisposeAsync();
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
        await node.DisposeAsync();
        await php.DisposeAsync();
    }
}
