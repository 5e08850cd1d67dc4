using System.Collections.Immutable;
using System.Reflection;
using System.Text;

namespace Kayako.Harness.Hosting;

/// <summary>
/// What a <see cref="FixtureHost"/> serves: a folder on disk, or a folder embedded in an assembly (resources
/// named <c>prefix + relative/path.html</c>, such as the pages bundled with Kayako.Harness), plus dynamic pages
/// rendered on every request. Immutable: <see cref="WithDynamicPage"/> returns a new instance.
/// </summary>
/// <example>
/// <code>
/// var pages = FixturePages.FromFolder("wwwroot")
///     .WithDynamicPage("account.html", template => template!.Replace("{{now}}", DateTimeOffset.UtcNow.ToString("O")));
/// await using var host = await FixtureHost.StartAsync(new FixtureHostOptions { Pages = pages });
/// </code>
/// </example>
public sealed class FixturePages
{
    private const string BundledPrefix = "Kayako.Harness.Hosting.Pages.";

    private readonly string? _folder;
    private readonly Assembly? _assembly;
    private readonly string _resourcePrefix;
    private readonly ImmutableDictionary<string, Func<string?, string>> _dynamicPages;

    private FixturePages(string? folder, Assembly? assembly, string resourcePrefix, string description, ImmutableDictionary<string, Func<string?, string>> dynamicPages)
    {
        _folder = folder;
        _assembly = assembly;
        _resourcePrefix = resourcePrefix;
        Description = description;
        _dynamicPages = dynamicPages;
    }

    /// <summary>The pages bundled with Kayako.Harness (<c>fixtures/pages/</c>: <c>toggle.html</c>, <c>account.html</c>, ...).</summary>
    public static FixturePages Bundled { get; } = FromResources(typeof(FixturePages).Assembly, BundledPrefix, "the pages bundled with Kayako.Harness");

    /// <summary>A short description for messages: the folder, or what the resources are.</summary>
    public string Description { get; }

    /// <summary>Pages served from a folder on disk; nothing outside it is served.</summary>
    /// <param name="folder">The folder; it must exist. A relative path is resolved against the current directory.</param>
    /// <returns>The pages.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist; the message names it.</exception>
    public static FixturePages FromFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var full = Path.GetFullPath(folder);
        return Directory.Exists(full)
            ? new FixturePages(full, null, "", full, ImmutableDictionary<string, Func<string?, string>>.Empty.WithComparers(StringComparer.Ordinal))
            : throw new DirectoryNotFoundException($"The fixture folder '{folder}' (resolved to '{full}') does not exist. Give an existing folder of pages, or none to serve the bundled pages.");
    }

    /// <summary>
    /// Pages embedded in an assembly: the page at <c>help/faq.html</c> is the manifest resource named
    /// <paramref name="resourcePrefix"/> + <c>help/faq.html</c> (in MSBuild,
    /// <c>LogicalName="My.Prefix.%(RecursiveDir)%(Filename)%(Extension)"</c>).
    /// </summary>
    /// <param name="assembly">The assembly holding the resources.</param>
    /// <param name="resourcePrefix">What every page's resource name starts with, such as <c>MyTests.Pages.</c>.</param>
    /// <param name="description">What the pages are, for messages (a 404 names it).</param>
    /// <returns>The pages.</returns>
    /// <exception cref="ArgumentException">The prefix is empty, or no resource of the assembly starts with it.</exception>
    public static FixturePages FromResources(Assembly assembly, string resourcePrefix, string description)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(resourcePrefix);
        ArgumentNullException.ThrowIfNull(description);
        if (resourcePrefix.Length == 0 || !assembly.GetManifestResourceNames().Any(name => name.StartsWith(resourcePrefix, StringComparison.Ordinal)))
        {
            throw new ArgumentException(
                $"No resource of {assembly.GetName().Name} starts with '{resourcePrefix}', so there are no pages to serve. Embed the folder " +
                $"with LogicalName=\"{(resourcePrefix.Length == 0 ? "My.Prefix." : resourcePrefix)}%(RecursiveDir)%(Filename)%(Extension)\" and give that prefix.",
                nameof(resourcePrefix));
        }

        return new FixturePages(null, assembly, resourcePrefix, description, ImmutableDictionary<string, Func<string?, string>>.Empty.WithComparers(StringComparer.Ordinal));
    }

    /// <summary>
    /// These pages plus a page rendered on every request: <paramref name="render"/> receives the text of the file
    /// at <paramref name="path"/> in these pages (a template), or <see langword="null"/> when there is none, and
    /// returns the page to serve. Its content type follows the path's extension, as for any page.
    /// </summary>
    /// <param name="path">The page's path below the root, such as <c>account.html</c> (a leading <c>/</c> is ignored; <c>""</c> is <c>index.html</c>).</param>
    /// <param name="render">Renders the page; it runs on the host's request thread, once per request.</param>
    /// <returns>New pages with the dynamic page; a dynamic page already at that path is replaced.</returns>
    /// <exception cref="ArgumentException">The path leaves the root (<c>..</c>) or uses <c>\</c>.</exception>
    public FixturePages WithDynamicPage(string path, Func<string?, string> render)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(render);
        var page = PagePath(path);
        if (!IsSafe(page))
        {
            throw new ArgumentException($"The dynamic page path '{path}' leaves the site root or uses '\\'; give a path below the root such as 'account.html'.", nameof(path));
        }

        return new FixturePages(_folder, _assembly, _resourcePrefix, Description, _dynamicPages.SetItem(page, render));
    }

    /// <summary>The file a URL path names: the path without its leading <c>/</c>, <c>index.html</c> for a folder.</summary>
    internal static string PagePath(string urlPath)
    {
        var path = urlPath.TrimStart('/');
        return path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
    }

    /// <summary>The dynamic page at a page path, if there is one.</summary>
    internal bool TryGetDynamicPage(string page, out Func<string?, string> render) => _dynamicPages.TryGetValue(page, out render!);

    /// <summary>Opens the file at a page path, or returns <see langword="null"/> when there is none.</summary>
    /// <param name="page">The path below the site root, without the leading slash.</param>
    /// <returns>The file's content, or <see langword="null"/>.</returns>
    internal Stream? Open(string page)
    {
        if (!IsSafe(page))
        {
            return null;
        }

        if (_assembly is not null)
        {
            return _assembly.GetManifestResourceStream(_resourcePrefix + page);
        }

        var path = Path.GetFullPath(Path.Combine(_folder!, page));
        return path.StartsWith(_folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(path) ? File.OpenRead(path) : null;
    }

    /// <summary>The text (UTF-8) of the file at a page path, or <see langword="null"/> when there is none.</summary>
    internal string? ReadText(string page)
    {
        using var stream = Open(page);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static bool IsSafe(string page) =>
        page.Length > 0 && !page.Contains("..", StringComparison.Ordinal) && !page.Contains('\\', StringComparison.Ordinal);
}
