using Microsoft.Playwright;

namespace Kayako.Harness.E2E.Tests.Fidelity;

/// <summary>
/// Serves the probe folder at an https origin through context routing, so a probe runs in a secure context
/// as production sites do (the fixture host serves http://harness.local/ only). Files only; no listing.
/// </summary>
internal static class SecureProbeOrigin
{
    public const string Origin = "https://probes.harness.test/";

    public static Task AttachAsync(IBrowserContext context, string folder) =>
        context.RouteAsync(Origin + "**", route => ServeAsync(route, Path.GetFullPath(folder)));

    private static async Task ServeAsync(IRoute route, string folder)
    {
        var relative = new Uri(route.Request.Url).AbsolutePath.TrimStart('/');
        var path = Path.GetFullPath(Path.Combine(folder, relative));
        if (relative.Length == 0 || !path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
        {
            await route.FulfillAsync(new RouteFulfillOptions { Status = 404, ContentType = "text/plain; charset=utf-8", Body = $"No probe file /{relative}" });
            return;
        }

        var type = Path.GetExtension(path) switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" => "application/javascript; charset=utf-8",
            _ => "application/octet-stream",
        };
        await route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 200,
            ContentType = type,
            Headers = new Dictionary<string, string> { ["Cache-Control"] = "no-store" },
            BodyBytes = await File.ReadAllBytesAsync(path),
        });
    }
}
