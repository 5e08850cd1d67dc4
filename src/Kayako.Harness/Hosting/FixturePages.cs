namespace Kayako.Harness.Hosting;

/// <summary>
/// Where the fixture host reads pages from: the pages bundled in this assembly (<c>fixtures/pages/</c>,
/// embedded so users and the CLI have them without the repository), or a folder on disk.
/// </summary>
internal sealed class FixturePages
{
    private const string ResourcePrefix = "Kayako.Harness.Hosting.Pages.";
    private readonly string? _folder;

    private FixturePages(string? folder)
    {
        _folder = folder;
    }

    /// <summary>The pages bundled with Kayako.Harness.</summary>
    public static FixturePages Bundled { get; } = new(null);

    /// <summary>A short description for messages: the folder, or "the bundled pages".</summary>
    public string Description => _folder ?? "the pages bundled with Kayako.Harness";

    /// <summary>Pages served from a folder.</summary>
    /// <param name="folder">The folder; it must exist.</param>
    /// <returns>The page source.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static FixturePages FromFolder(string folder)
    {
        var full = Path.GetFullPath(folder);
        return Directory.Exists(full)
            ? new FixturePages(full)
            : throw new DirectoryNotFoundException($"The fixture folder '{folder}' (resolved to '{full}') does not exist. Give an existing folder of pages, or none to serve the bundled pages.");
    }

    /// <summary>Opens the file at a URL path, or returns <see langword="null"/> when there is none.</summary>
    /// <param name="relativePath">The path below the site root, without the leading slash.</param>
    /// <returns>The file's content, or <see langword="null"/>.</returns>
    public Stream? Open(string relativePath)
    {
        if (relativePath.Length == 0 || relativePath.Contains("..", StringComparison.Ordinal) || relativePath.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        if (_folder is null)
        {
            return typeof(FixturePages).Assembly.GetManifestResourceStream(ResourcePrefix + relativePath);
        }

        var path = Path.GetFullPath(Path.Combine(_folder, relativePath));
        return path.StartsWith(_folder, StringComparison.Ordinal) && File.Exists(path) ? File.OpenRead(path) : null;
    }
}
