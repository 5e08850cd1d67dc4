using System.Diagnostics;
using Kayako.Harness.E2E.Tests.Checking;

namespace Kayako.Harness.E2E.Tests.Hostile;

/// <summary>
/// fixtures/sites/hostile/server.js on a free loopback port, with the token in its environment as a real
/// deployment has it: pages that never end, pages that leak the token, sites that keep traces.
/// </summary>
public sealed class HostileServer : IAsyncDisposable
{
    private readonly BackendProcess node;
    private readonly string token;

    private HostileServer(BackendProcess node, string token)
    {
        this.node = node;
        this.token = token;
    }

    /// <summary>fixtures/sites/hostile/.</summary>
    public static string Folder { get; } = Path.Combine(SiteServer.SitesRoot, "hostile");

    /// <summary>Where the server listens, like <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Origin => node.Origin;

    /// <summary>Starts the server on port 0 and waits for the address it announces.</summary>
    public static async Task<HostileServer> StartAsync(string token, CancellationToken cancellationToken = default) =>
        new(await BackendProcess.StartAsync(new ProcessStartInfo("node", [Path.Combine(Folder, "server.js")]) { WorkingDirectory = Folder }, token, cancellationToken),
            token);

    /// <summary>
    /// One of the folder's configurations (<c>budget</c>, <c>leak</c>, <c>names</c>) pointed at this server (documented at
    /// port 8083), with <c>{token-urlencoded}</c> replaced by the URL-encoded token.
    /// </summary>
    public string ConfigurationJson(string name) =>
        File.ReadAllText(Path.Combine(Folder, name + ".config.json"))
            .Replace("http://127.0.0.1:8083/", Origin.AbsoluteUri, StringComparison.Ordinal)
            .Replace("{token-urlencoded}", Uri.EscapeDataString(token), StringComparison.Ordinal);

    public ValueTask DisposeAsync() => node.DisposeAsync();
}
