using System.Security.Cryptography;
using System.Text.Json;
using Kayako.Harness.Configuration;

namespace Kayako.Harness.Checking;

/// <summary>
/// The fingerprint a report carries of the configuration it checked, so <c>merge</c> can refuse reports of different
/// runs: SHA-256 (lower-case hex) of the validated configuration, not of the file's text, so whitespace, key order and
/// a default written out or left implicit do not change it. It covers what decides the findings (the messenger
/// section, every site with its steps, the site budget) and leaves out where and how the run happened (the
/// <c>browser</c> and <c>report</c> sections): shards on different machines may use different browsers and folders.
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
            Sites = configuration.Sites.Select(site => new { site.Name, site.Url, site.JsonPath, Steps = site.Steps.Select(step => new { Kind = step.GetType().Name, Step = (object)step }) }),
            configuration.SiteBudgetSeconds,
        };
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(normalised)));
    }
}
