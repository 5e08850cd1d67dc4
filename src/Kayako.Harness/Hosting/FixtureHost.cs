using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;

namespace Kayako.Harness.Hosting;

/// <summary>
/// Serves fixture pages in-process (ASP.NET Core <see cref="TestServer"/>, no ports) at
/// <see cref="BaseUrl"/>; <see cref="AttachAsync"/> bridges a browser context to it through routing.
/// </summary>
public sealed class FixtureHost : IAsyncDisposable
{
    /// <summary>The origin the pages are served at, in every context the host is attached to.</summary>
    public const string BaseUrl = "http://harness.local/";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly HashSet<string> HopByHopHeaders = new(StringComparer.OrdinalIgnoreCase) { "host", "connection", "content-length", "transfer-encoding" };

    private readonly IHost _host;
    private readonly HttpClient _client;

    private FixtureHost(IHost host, string description)
    {
        _host = host;
        _client = host.GetTestClient();
        Description = description;
    }

    /// <summary>What is served: the folder, or the bundled pages.</summary>
    public string Description { get; }

    /// <summary>Starts a host for the bundled pages (<c>toggle.html</c>, <c>account.html</c>, ...) or a folder.</summary>
    /// <param name="folder">A folder of pages to serve instead of the bundled ones; <see langword="null"/> for the bundled pages.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <returns>The started host.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static async Task<FixtureHost> StartAsync(string? folder = null, CancellationToken cancellationToken = default)
    {
        var pages = folder is null ? FixturePages.Bundled : FixturePages.FromFolder(folder);
        var host = new HostBuilder()
            .ConfigureWebHost(web => web
                .UseTestServer()
                .Configure(app => app.Run(context => ServeAsync(pages, context))))
            .Build();
        await host.StartAsync(cancellationToken);
        return new FixtureHost(host, pages.Description);
    }

    /// <summary>The absolute URL of a page, such as <c>http://harness.local/toggle.html</c>.</summary>
    /// <param name="page">The page's path below the root, optionally with a query string.</param>
    /// <returns>The URL.</returns>
    public string PageUrl(string page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return BaseUrl + page.TrimStart('/');
    }

    /// <summary>Routes <see cref="BaseUrl"/> in the context to this host.</summary>
    /// <param name="context">The browser context.</param>
    /// <param name="cancellationToken">Stops the attach.</param>
    /// <returns>A task that completes when routed.</returns>
    public Task AttachAsync(IBrowserContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RouteAsync(BaseUrl + "**", ForwardAsync).WaitAsync(cancellationToken);
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
        var path = context.Request.Path.Value?.TrimStart('/') ?? "";
        if (path.Length == 0 || path.EndsWith('/'))
        {
            path += "index.html";
        }

        await using var file = pages.Open(path);
        if (file is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"No page '{path}' in {pages.Description}.", context.RequestAborted);
            return;
        }

        context.Response.ContentType = ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream";
        context.Response.Headers.CacheControl = new CacheControlHeaderValue { NoStore = true }.ToString();
        await file.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
