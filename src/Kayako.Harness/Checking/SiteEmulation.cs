using System.Globalization;
using Kayako.Harness.Configuration;

namespace Kayako.Harness.Checking;

/// <summary>
/// What a site's browser pretended to be: the device's settings (from Playwright's descriptor) with the explicit
/// <c>viewport</c>, <c>locale</c>, <c>timezoneId</c> and <c>colorScheme</c> over them, the configuration's and then the
/// site's own. Every context of the site is opened with it (the main run, the slow-network pass, the traced replay), and
/// reports record it, so a reader knows a site "ran as an iPhone 13". The engine is always Chromium: a device
/// descriptor's default browser (WebKit for Apple's) is not used.
/// </summary>
public sealed record SiteEmulation
{
    /// <summary>A desktop Chromium with Playwright's defaults: what a site runs as when the configuration says nothing.</summary>
    public static SiteEmulation Desktop { get; } = new();

    /// <summary>The Playwright device descriptor's name (<c>"iPhone 13"</c>), or <see langword="null"/> when none was given.</summary>
    public string? Device { get; init; }

    /// <summary>The viewport (the page's layout size, <c>innerWidth</c> × <c>innerHeight</c> on a page that sets its viewport), in CSS pixels.</summary>
    public Viewport Viewport { get; init; } = Viewport.Desktop;

    /// <summary>The screen (<c>window.screen</c>) when a device gives one; <see langword="null"/>: the viewport's size.</summary>
    public Viewport? Screen { get; init; }

    /// <summary>Device pixels per CSS pixel (<c>devicePixelRatio</c>).</summary>
    public double DeviceScaleFactor { get; init; } = 1;

    /// <summary>Whether the page is laid out as on a phone: the <c>meta viewport</c> tag is honoured, scrollbars overlay.</summary>
    public bool IsMobile { get; init; }

    /// <summary>Whether touch is on: touch events, <c>navigator.maxTouchPoints</c>, <c>(pointer: coarse)</c> and <c>(hover: none)</c>.</summary>
    public bool HasTouch { get; init; }

    /// <summary>The user agent sent and shown to scripts, or <see langword="null"/> for Chromium's own.</summary>
    public string? UserAgent { get; init; }

    /// <summary>The locale (<c>navigator.language</c>, <c>Accept-Language</c>, <c>Intl</c>), or <see langword="null"/> for the machine's.</summary>
    public string? Locale { get; init; }

    /// <summary>The IANA time zone of the page's clock, or <see langword="null"/> for the machine's.</summary>
    public string? TimezoneId { get; init; }

    /// <summary><c>light</c>, <c>dark</c> or <c>no-preference</c> (what <c>prefers-color-scheme</c> matches), or <see langword="null"/> for Chromium's default.</summary>
    public string? ColorScheme { get; init; }

    /// <summary>Whether the site ran as a plain desktop Chromium (nothing configured).</summary>
    public bool IsDesktopDefault => this == Desktop;

    /// <summary>
    /// In words, as reports show it: <c>iPhone 13 (390×664, scale 3, mobile, touch), locale de-DE, time zone
    /// Asia/Tokyo, dark colour scheme</c>; <c>desktop (1280×720)</c> when nothing was configured.
    /// </summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var shape = new List<string> { Viewport.ToString() };
        if (DeviceScaleFactor != 1)
        {
            shape.Add("scale " + DeviceScaleFactor.ToString(CultureInfo.InvariantCulture));
        }

        if (IsMobile)
        {
            shape.Add("mobile");
        }

        if (HasTouch)
        {
            shape.Add("touch");
        }

        var parts = new List<string> { $"{Device ?? "desktop"} ({string.Join(", ", shape)})" };
        if (Locale is not null)
        {
            parts.Add("locale " + Locale);
        }

        if (TimezoneId is not null)
        {
            parts.Add("time zone " + TimezoneId);
        }

        if (ColorScheme is not null)
        {
            parts.Add(ColorScheme + " colour scheme");
        }

        return string.Join(", ", parts);
    }
}
