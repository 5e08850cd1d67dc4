using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace Kayako.Harness.Hosting;

/// <summary>
/// Serves fixture pages in-process (ASP.NET Core <see cref="TestServer"/>, no ports) at <see cref="Origin"/>;
/// <see cref="AttachAsync"/> bridges a browser context to it through routing. The pages are a folder, an
/// embedded folder or the bundled pages, with dynamic pages (<see cref="FixturePages"/>); the bundled demo
/// site of <c>check</c> is one such host.
/// </summary>
public sealed class FixtureHost : IAsyncDisposable
{
    /// <summary>The origin pages are served at unless <see cref="FixtureHostOptions.Origin"/> says otherwise.</summary>
    public const string BaseUrl = "http://harness.local/";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly HashSet<string> HopByHopHeaders = new(StringComparer.OrdinalIgnoreCase) { "host", "connection", "content-length", "transfer-encoding" };

    private readonly IHost _host;
    private readonly HttpClient _client;

    private FixtureHost(IHost host, string origin, string description)
    {
        _host = host;
        _client = host.GetTestClient();
        Origin = origin;
        Description = description;
    }

    /// <summary>The origin the pages are served at, ending in <c>/</c>, such as <see cref="BaseUrl"/>.</summary>
    public string Origin { get; }

    /// <summary>What is served, for messages: the folder, the bundled pages, or what the embedded pages are (<see cref="FixturePages.Description"/>).</summary>
    public string Description { get; }

    /// <summary>The host's services, for tests of how it is built.</summary>
    internal IServiceProvider Services => _host.Services;

    /// <summary>Starts a host for the bundled pages (<c>toggle.html</c>, <c>account.html</c>, ...) or a folder, at <see cref="BaseUrl"/>.</summary>
    /// <param name="folder">A folder of pages to serve instead of the bundled ones; <see langword="null"/> for the bundled pages.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The started host.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static Task<FixtureHost> StartAsync(string? folder = null, CancellationToken cancellationToken = default) =>
        StartAsync(new FixtureHostOptions { Pages = folder is null ? FixturePages.Bundled : FixturePages.FromFolder(folder) }, cancellationToken);

    /// <summary>Starts a host for the given pages at the given origin.</summary>
    /// <param name="options">What to serve and where.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The started host; dispose it to stop it.</returns>
    /// <exception cref="ArgumentException">The origin is not an absolute http(s) origin.</exception>
    public static async Task<FixtureHost> StartAsync(FixtureHostOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var origin = options.NormalisedOrigin();
        var pages = options.Pages;
        var host = new HostBuilder()
            // The default lifetime (ConsoleLifetime) would take SIGINT and SIGTERM for itself: a Ctrl+C would stop
            // the pages mid-run, and a second one would no longer end the process.
            .ConfigureServices(services => services.AddSingleton<IHostLifetime, EmbeddedLifetime>())
            .ConfigureWebHost(web => web
                .UseTestServer()
                .Configure(app => app.Run(context => ServeAsync(pages, context))))
            .Build();
        await host.StartAsync(cancellationToken);
        return new FixtureHost(host, origin, pages.Description);
    }

    /// <summary>The absolute URL of a page, such as <c>http://harness.local/toggle.html</c>.</summary>
    /// <param name="page">The page's path below the root, optionally with a query string.</param>
    /// <returns>The URL.</returns>
    public string PageUrl(string page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Origin + page.TrimStart('/');
    }

    /// <summary>Routes <see cref="Origin"/> in the context to this host.</summary>
    /// <param name="context">The browser context.</param>
    /// <param name="cancellationToken">Stops the attach.</param>
    /// <returns>A task that completes when routed.</returns>
    public Task AttachAsync(IBrowserContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RouteAsync(Origin + "**", ForwardAsync).WaitAsync(cancellationToken);
    }

    /// <summary>Stops the host.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.StopAsync();
        _host.Dispose();
    }

    private async Task ForwardAsync(IRoute route)
    {
        var request = route.Request;
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        var body = request.PostDataBuffer;
        if (body is not null)
        {
            message.Content = new ByteArrayContent(body);
        }

        foreach (var (name, value) in request.Headers)
        {
            if (!HopByHopHeaders.Contains(name) && !message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await _client.SendAsync(message);
        var headers = response.Headers.Concat(response.Content.Headers)
            .Where(h => !HopByHopHeaders.Contains(h.Key))
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        await route.FulfillAsync(new RouteFulfillOptions
        {
            Status = (int)response.StatusCode,
            Headers = headers,
            BodyBytes = await response.Content.ReadAsByteArrayAsync(),
        });
    }

    private static async Task ServeAsync(FixturePages pages, HttpContext context)
    {
        var path = FixturePages.PagePath(context.Request.Path.Value ?? "");
        if (pages.TryGetDynamicPage(path, out var render))
        {
            var text = render(pages.ReadText(path));
            SetHeaders(context.Response, path);
            await context.Response.WriteAsync(text, context.RequestAborted);
            return;
        }

        await using var file = pages.Open(path);
        if (file is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"No page '{path}' in {pages.Description}.", context.RequestAborted);
            return;
        }

        SetHeaders(context.Response, path);
        await file.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private static void SetHeaders(HttpResponse response, string path)
    {
        response.ContentType = ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";
        response.Headers.CacheControl = new CacheControlHeaderValue { NoStore = true }.ToString();
    }

    /// <summary>A host lifetime that leaves the process's signals alone: the host stops when it is disposed.</summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
