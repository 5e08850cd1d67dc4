using System.Security.Cryptography;
using System.Text.Json;
using Kayako.Harness.Configuration;

namespace Kayako.Harness.Checking;

/// <summary>
/// The fingerprint a report carries of the configuration it checked, so <c>merge</c> can refuse reports of different
/// runs: SHA-256 (lower-case hex) of the validated configuration, not of the file's text, so whitespace, key order and
/// a default written out or left implicit do not change it. It covers what decides the findings (the messenger
/// section, every site with its steps and what its browser pretends to be, the site budget) and leaves out where and how
/// the run happened (the rest of the <c>browser</c> section, and <c>report</c>): shards on different machines may use different browsers and folders.
/// The configuration holds no token (only the name of its variable), and a hash does not show even that.
/// </summary>
internal static class ConfigurationHash
{
    public static string Of(HarnessConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var normalised = new
        {
            configuration.Messenger,
            // A step is written as its own type (every field of a click, a fill, an expectation), not as the base record.
            Sites = configuration.Sites.Select(site => new
            {
                site.Name, site.Url, site.JsonPath, Steps = site.Steps.Select(step => new { Kind = step.GetType().Name, Step = (object)step }),
                Emulation = Emulation(site.Emulation?.Over(configuration.Browser.Emulation) ?? configuration.Browser.Emulation),
            }),
            configuration.SiteBudgetSeconds,
        };
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(normalised)));
    }

    // What the site's browser pretends to be decides what its pages do (a phone-only button), wherever it was written.
    private static object Emulation(EmulationSettings settings) =>
        new { settings.Device, settings.Viewport, settings.Locale, settings.TimezoneId, settings.ColorScheme };
}
