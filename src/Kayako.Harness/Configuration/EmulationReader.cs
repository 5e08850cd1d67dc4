using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kayako.Harness.Configuration;

/// <summary>
/// Reads the emulation keys (<c>device</c>, <c>viewport</c>, <c>locale</c>, <c>timezoneId</c>, <c>colorScheme</c>) of the
/// <c>browser</c> section and of a site's own <c>browser</c> object. Their form is checked here; whether Playwright
/// knows the device, and Chromium the time zone and locale, is checked when the run starts (<c>Checking/DeviceEmulation</c>).
/// </summary>
internal static partial class EmulationReader
{
    /// <summary>The keys a site's <c>browser</c> object may hold; the <c>browser</c> section holds them too.</summary>
    internal static readonly string[] EmulationKeys = ["device", "viewport", "locale", "timezoneId", "colorScheme"];

    internal static readonly string[] ViewportKeys = ["width", "height"];

    /// <summary>The names <c>colorScheme</c> takes, as Playwright and the CSS media feature spell them.</summary>
    internal static readonly string[] ColorSchemes = ["light", "dark", "no-preference"];

    /// <summary>A site's own <c>browser</c> object: only the emulation keys are allowed (the browser itself is the run's).</summary>
    public static EmulationSettings? ReadSite(JsonElement element, string path, JsonReadContext context) =>
        context.Object(element, path, EmulationKeys) is { } properties ? Read(properties, path, context) : null;

    /// <summary>The emulation keys among <paramref name="properties"/> (the <c>browser</c> section's, or a site's).</summary>
    public static EmulationSettings Read(Dictionary<string, JsonElement> properties, string path, JsonReadContext context)
    {
        var settings = new EmulationSettings { JsonPath = path };
        if (properties.TryGetValue("device", out var device))
        {
            // Whether Playwright knows it is checked when the run starts, with the closest names it does know.
            settings = settings with { Device = context.NonEmptyString(device, path + ".device") };
        }

        if (properties.TryGetValue("viewport", out var viewport))
        {
            settings = settings with { Viewport = ReadViewport(viewport, path + ".viewport", context) };
        }

        if (properties.TryGetValue("locale", out var locale) && context.NonEmptyString(locale, path + ".locale") is { } language)
        {
            if (LocaleTag().IsMatch(language))
            {
                settings = settings with { Locale = language };
            }
            else
            {
                context.Report(path + ".locale", $"\"{language}\" is not a locale; give a BCP 47 language tag with dashes, like \"de-DE\", \"en-GB\" or \"pt-BR\"{(language.Contains('_', StringComparison.Ordinal) ? $" (\"{language.Replace('_', '-')}\", not \"{language}\")" : "")}.");
            }
        }

        if (properties.TryGetValue("timezoneId", out var timezone) && context.NonEmptyString(timezone, path + ".timezoneId") is { } zone)
        {
            if (TimeZoneName().IsMatch(zone))
            {
                settings = settings with { TimezoneId = zone };
            }
            else
            {
                context.Report(path + ".timezoneId", $"\"{zone}\" is not an IANA time zone name; give one like \"Europe/Berlin\", \"America/New_York\", \"Asia/Tokyo\" or \"UTC\"; an offset like \"+02:00\" is not one.");
            }
        }

        if (properties.TryGetValue("colorScheme", out var scheme) && context.String(scheme, path + ".colorScheme") is { } name)
        {
            if (ColorSchemes.Contains(name, StringComparer.Ordinal))
            {
                settings = settings with { ColorScheme = name };
            }
            else
            {
                context.Report(path + ".colorScheme", $"must be \"light\", \"dark\" or \"no-preference\" (what the page's prefers-color-scheme media query sees), not {JsonReadContext.Describe(scheme)}.");
            }
        }

        return settings;
    }

    private static Viewport? ReadViewport(JsonElement element, string path, JsonReadContext context) =>
        ReadSize(element, path, context, key => context.Report(JsonReadContext.Child(path, key),
            $"is missing; give the viewport's {key} in CSS pixels, like {{ \"width\": 390, \"height\": 844 }}."));

    /// <summary>
    /// A <c>{ "width", "height" }</c> object of whole CSS pixels (1 to <see cref="Viewport.MaxSide"/>), as the
    /// configuration's viewport and the JSON report's viewport and screen hold it; each problem is reported to
    /// <paramref name="context"/>, and a missing side to <paramref name="missing"/>, which says it in the caller's words.
    /// </summary>
    internal static Viewport? ReadSize(JsonElement element, string path, JsonReadContext context, Action<string> missing)
    {
        if (context.Object(element, path, ViewportKeys) is not { } properties)
        {
            return null;
        }

        int? Side(string key)
        {
            if (properties.TryGetValue(key, out var value))
            {
                return context.Integer(value, JsonReadContext.Child(path, key), 1, Viewport.MaxSide);
            }

            missing(key);
            return null;
        }

        var width = Side("width");
        var height = Side("height");
        return width is null || height is null ? null : new Viewport(width.Value, height.Value);
    }

    // A BCP 47 tag's shape (language, then subtags: script, region, variants); Chromium's ICU decides the rest.
    [GeneratedRegex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LocaleTag();

    // An IANA name's shape (UTC, Europe/Berlin, America/Argentina/Buenos_Aires, Etc/GMT+5); Chromium's ICU decides the rest.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$")]
    private static partial Regex TimeZoneName();
}
