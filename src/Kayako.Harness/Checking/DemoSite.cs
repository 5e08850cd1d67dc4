using System.Text.Json;
using Kayako.Harness.Configuration;
using Kayako.Harness.Signing;
using Microsoft.Playwright;

namespace Kayako.Harness.Checking;

/// <summary>
/// The bundled demo site (<c>fixtures/sites/demo/</c>, embedded): a small, correct integration that
/// <c>check</c> plays when given no URL and no configuration. Served in-process at <see cref="Origin"/>
/// through context routing; the account page is rendered per request with a fresh timestamp and a
/// signature computed here, as a real backend would.
/// </summary>
public static class DemoSite
{
    /// <summary>The origin the demo pages are served at, in every context the check opens.</summary>
    public const string Origin = "http://demo.kayako-harness.test/";

    /// <summary>
    /// The token the demo backend signs with when the run has none (not a secret: it exists only here).
    /// </summary>
    public const string DefaultToken = "kayako-harness-demo-token";

    private const string ResourcePrefix = "Kayako.Harness.Checking.Demo.";

    /// <summary>The demo's own configuration: five sites (home, account, help, toggle, logout).</summary>
    /// <returns>The validated configuration.</returns>
    public static HarnessConfiguration Configuration() =>
        HarnessConfigurationReader.Parse(Read("playwright.config.json") ?? "", "the bundled demo site's playwright.config.json");

    /// <summary>Serves the demo pages at <see cref="Origin"/> in a context.</summary>
    /// <param name="context">The browser context.</param>
    /// <param name="token">The token to sign identities with; <see cref="DefaultToken"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the set-up.</param>
    /// <returns>A task that completes when the route is in place.</returns>
    public static Task AttachAsync(IBrowserContext context, string? token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var signingToken = token is { Length: > 0 } ? token : DefaultToken;
        return context.RouteAsync(Origin + "**", route => ServeAsync(route, signingToken)).WaitAsync(cancellationToken);
    }

    private static async Task ServeAsync(IRoute route, string token)
    {
        var path = new Uri(route.Request.Url).AbsolutePath.TrimStart('/');
        var file = path.Length == 0 ? "index.html" : path;
        var body = file.Contains('/', StringComparison.Ordinal) || file.EndsWith(".json", StringComparison.Ordinal) ? null : Read(file);
        if (body is null)
        {
            await route.FulfillAsync(new RouteFulfillOptions { Status = 404, ContentType = "text/plain", Body = $"No demo page at /{path}" });
            return;
        }

        if (file == "account.html")
        {
            body = body.Replace("{{identity}}", Identity(token), StringComparison.Ordinal);
        }

        await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = ContentType(file), Body = body });
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

    private static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "application/javascript; charset=utf-8",
        _ => "application/octet-stream",
    };

    private static string? Read(string file)
    {
        using var stream = typeof(DemoSite).Assembly.GetManifestResourceStream(ResourcePrefix + file);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
