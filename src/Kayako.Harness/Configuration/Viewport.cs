namespace Kayako.Harness.Configuration;

/// <summary>A browser viewport (<c>browser.viewport</c>) or screen size, in CSS pixels.</summary>
/// <param name="Width">The width, from 1 to <see cref="MaxSide"/>.</param>
/// <param name="Height">The height, from 1 to <see cref="MaxSide"/>.</param>
public sealed record Viewport(int Width, int Height)
{
    /// <summary>The largest side the configuration accepts: beyond any real screen, and below what Chromium can paint.</summary>
    public const int MaxSide = 10_000;

    /// <summary>Playwright's own viewport when none is given: a desktop browser window.</summary>
    public static Viewport Desktop { get; } = new(1280, 720);

    /// <inheritdoc />
    public override string ToString() => $"{Width}×{Height}";
}
