using System.Diagnostics;

namespace Kayako.Harness.E2E.Tests.Checking;

/// <summary>
/// fixtures/sites/racy/server.js on a free loopback port: a page whose bundle races the messenger, where each load of a
/// URL takes the next letter of its <c>pattern</c> (<c>b</c> the bundle wins and the page breaks, <c>m</c> the messenger wins).
/// </summary>
public sealed class RacyServer : IAsyncDisposable
{
    private readonly BackendProcess node;

    private RacyServer(BackendProcess node) => this.node = node;

    /// <summary>fixtures/sites/racy/.</summary>
    public static string Folder { get; } = Path.Combine(SiteServer.SitesRoot, "racy");

    /// <summary>Where the server listens, like <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Origin => node.Origin;

    public static async Task<RacyServer> StartAsync(string token, CancellationToken cancellationToken = default) =>
        new(await BackendProcess.StartAsync(new ProcessStartInfo("node", [Path.Combine(Folder, "server.js")]) { WorkingDirectory = Folder }, token, cancellationToken));

    /// <summary>The pattern of a site of racy.config.json, read from its URL (<c>bmm</c>).</summary>
    public static string PatternOf(Uri url) =>
        System.Web.HttpUtility.ParseQueryString(url.Query)["pattern"] ?? throw new ArgumentException($"{url} has no pattern.", nameof(url));

    /// <summary>
    /// The runs (from 1) of <paramref name="runs"/> loads, in order, that the pattern breaks: the server's own rule,
    /// so a test's expectation comes from the fixture, not from the code under test.
    /// </summary>
    public static int[] BrokenLoads(string pattern, int runs) => [.. Enumerable.Range(1, runs).Where(load => pattern[(load - 1) % pattern.Length] == 'b')];

    /// <summary>
    /// racy.config.json pointed at this server (documented at port 8084), its pages counted apart from any other run's
    /// by <paramref name="run"/> (the server counts loads per URL, query included).
    /// </summary>
    public string ConfigurationJson(string run) =>
        File.ReadAllText(Path.Combine(Folder, "racy.config.json"))
            .Replace("http://127.0.0.1:8084/", Origin.AbsoluteUri, StringComparison.Ordinal)
            .Replace("/race?", $"/race?run={run}&", StringComparison.Ordinal);

    public ValueTask DisposeAsync() => node.DisposeAsync();
}
