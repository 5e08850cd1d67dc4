namespace Kayako.Harness.Configuration;

/// <summary>
/// What the browser pretends to be (<c>browser.device</c>, <c>viewport</c>, <c>locale</c>, <c>timezoneId</c>,
/// <c>colorScheme</c>), as the configuration's <c>browser</c> section or a site's own <c>browser</c> object says it.
/// Each is <see langword="null"/> when not given there. The device's name is looked up in Playwright's device
/// descriptors when the run starts; an explicit key wins over what the device says, and a site's keys over the
/// configuration's, in that order (like Playwright Test's <c>use: { ...devices['iPhone 13'], viewport }</c>).
/// </summary>
public sealed record EmulationSettings
{
    /// <summary>Nothing given: a desktop Chromium with Playwright's defaults.</summary>
    public static EmulationSettings None { get; } = new();

    /// <summary>A Playwright device descriptor's name (<c>"iPhone 13"</c>, <c>"Pixel 7"</c>, <c>"Desktop Chrome"</c>), or <see langword="null"/>.</summary>
    public string? Device { get; init; }

    /// <summary>The viewport, over the device's; or <see langword="null"/>.</summary>
    public Viewport? Viewport { get; init; }

    /// <summary>The browser's locale (<c>navigator.language</c>, <c>Accept-Language</c>, <c>Intl</c>), like <c>de-DE</c>; or <see langword="null"/> for the machine's.</summary>
    public string? Locale { get; init; }

    /// <summary>The IANA time zone the page's clock runs in, like <c>Europe/Berlin</c>; or <see langword="null"/> for the machine's.</summary>
    public string? TimezoneId { get; init; }

    /// <summary>What <c>prefers-color-scheme</c> matches: <c>light</c>, <c>dark</c> or <c>no-preference</c>; or <see langword="null"/> for Chromium's default (light).</summary>
    public string? ColorScheme { get; init; }

    /// <summary>Where these settings came from (<c>$.browser</c>, <c>$.sites[2].browser</c>), for messages.</summary>
    public string JsonPath { get; init; } = "$.browser";

    /// <summary>Whether nothing is given.</summary>
    public bool IsEmpty => Device is null && Viewport is null && Locale is null && TimezoneId is null && ColorScheme is null;

    /// <summary>
    /// These settings over <paramref name="under"/> (a site's over the configuration's), as the run layers them: a device
    /// here replaces what a device decides there, its explicit viewport included.
    /// </summary>
    internal EmulationSettings Over(EmulationSettings under) => this with
    {
        Device = Device ?? under.Device,
        Viewport = Viewport ?? (Device is null ? under.Viewport : null),
        Locale = Locale ?? under.Locale,
        TimezoneId = TimezoneId ?? under.TimezoneId,
        ColorScheme = ColorScheme ?? under.ColorScheme,
    };
}
