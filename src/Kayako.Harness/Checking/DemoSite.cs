using System.Text.Json;
using Kayako.Harness.Configuration;
using Kayako.Harness.Hosting;
using Kayako.Harness.Signing;

namespace Kayako.Harness.Checking;

/// <summary>
/// The bundled demo site (<c>fixtures/sites/demo/</c>, embedded): a small, correct integration that
/// <c>check</c> plays when given no URL and no configuration. It is a <see cref="FixtureHost"/> at
/// <see cref="Origin"/> whose account page is rendered per request with a fresh timestamp and a signature
/// computed here, as a real backend would. <c>check</c> attaches it only to runs with a site on that origin.
/// </summary>
public static class DemoSite
{
    /// <summary>The origin the demo pages are served at.</summary>
    public const string Origin = "http://demo.kayako-harness.test/";

    /// <summary>
    /// The token the demo backend signs with when the run has none (not a secret: it exists only here).
    /// </summary>
    public const string DefaultToken = "kayako-harness-demo-token";

    private const string PagesPrefix = "Kayako.Harness.Checking.Demo.";
    private const string ConfigurationPrefix = "Kayako.Harness.Checking.DemoConfiguration.";
    private const string ConfigurationFile = "playwright.config.json";
    private const string AccountPage = "account.html";

    /// <summary>The demo's own configuration: five sites (home, account, help, toggle, logout).</summary>
    /// <returns>The validated configuration.</returns>
    public static HarnessConfiguration Configuration() =>
        HarnessConfigurationReader.Parse(
            FixturePages.FromResources(typeof(DemoSite).Assembly, ConfigurationPrefix, "the bundled demo site's configuration").ReadText(ConfigurationFile) ?? "",
            "the bundled demo site's playwright.config.json");

    /// <summary>Starts the demo site: attach the host to a context to serve the demo at <see cref="Origin"/> there.</summary>
    /// <param name="token">The token to sign identities with; <see cref="DefaultToken"/> when <see langword="null"/> or empty.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The started host; dispose it when the run is over.</returns>
    public static Task<FixtureHost> StartAsync(string? token, CancellationToken cancellationToken = default)
    {
        var signingToken = token is { Length: > 0 } ? token : DefaultToken;
        var pages = FixturePages.FromResources(typeof(DemoSite).Assembly, PagesPrefix, "the bundled demo site")
            .WithDynamicPage(AccountPage, template => (template ?? "").Replace("{{identity}}", Identity(signingToken), StringComparison.Ordinal));
        return FixtureHost.StartAsync(new FixtureHostOptions { Origin = Origin, Pages = pages }, cancellationToken);
    }

    /// <summary>Whether a run opens the demo: a site or a <c>goto</c> step on <see cref="Origin"/>.</summary>
    /// <param name="configuration">The run's configuration.</param>
    /// <returns><see langword="true"/> when the demo must be served.</returns>
    internal static bool IsUsedBy(HarnessConfiguration configuration)
    {
        var origin = new Uri(Origin);
        return configuration.Sites.Any(site =>
            IsOn(site.Url) || site.Steps.OfType<GotoStep>().Any(step => IsOn(step.Url)));

        bool IsOn(Uri url) => Uri.Compare(url, origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
    }

    // What the demo backend prints for the signed-in user: JSON, which escapes quotes and "<" for an inline script.
    private static string Identity(string token)
    {
        const string name = "Siobhán O'Brien";
        const string email = "siobhan@example.com";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return JsonSerializer.Serialize(new
        {
            name,
            email,
            signature = MessengerSignature.Compute(name, email, token, timestamp),
            timestamp,
        });
    }
}
