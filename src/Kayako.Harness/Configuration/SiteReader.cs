using System.Text.Json;

namespace Kayako.Harness.Configuration;

/// <summary>
/// Reads <c>sites</c>: each needs a unique name and an http(s) url (absolute, or relative to <c>baseUrl</c>); its
/// steps go to <see cref="SiteStepReader"/>.
/// </summary>
internal static class SiteReader
{
    internal static readonly string[] SiteKeys = ["name", "url", "steps", "browser"];

    public static List<SiteDefinition>? ReadAll(JsonElement element, UrlBase bases, JsonReadContext context)
    {
        var items = context.Array(element, "$.sites");
        if (items is null)
        {
            return null;
        }

        if (items.Count == 0)
        {
            context.Report("$.sites", "is empty; list at least one site.");
        }

        var sites = new List<SiteDefinition>(items.Count);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var path = JsonReadContext.Item("$.sites", i);
            if (Read(items[i], path, bases, context) is not { } site)
            {
                continue;
            }

            if (!names.TryAdd(site.Name, path))
            {
                context.Report(path + ".name", $"\"{site.Name}\" is already the name of {names[site.Name]}; site names must be unique (reports and --site use them).");
            }

            sites.Add(site);
        }

        return sites;
    }

    /// <summary>
    /// A page and the steps played on it: a site's, or the set-up's. The URL resolves against <c>baseUrl</c> (an empty one,
    /// allowed for a site, is the base itself); <c>goto</c> steps resolve against the URL. What to write when <c>url</c> is
    /// missing (<c>missingUrl</c>) says what the page is, with an example.
    /// </summary>
    public static (Uri? Url, List<SiteStep> Steps) ReadPage(
        Dictionary<string, JsonElement> properties, string path, UrlBase bases, JsonReadContext context, string missingUrl, bool allowEmptyUrl)
    {
        Uri? url = null;
        if (!properties.TryGetValue("url", out var urlElement))
        {
            context.Report(path + ".url", $"is missing; {missingUrl}.");
        }
        else if ((allowEmptyUrl ? context.String(urlElement, path + ".url") : context.NonEmptyString(urlElement, path + ".url")) is { } text)
        {
            url = bases.Resolve(text, path + ".url", context);
        }

        var steps = properties.TryGetValue("steps", out var stepsElement)
            ? SiteStepReader.ReadAll(stepsElement, path + ".steps", url, context)
            : [];
        return (url, steps);
    }

    private static SiteDefinition? Read(JsonElement element, string path, UrlBase bases, JsonReadContext context)
    {
        var properties = context.Object(element, path, SiteKeys);
        if (properties is null)
        {
            return null;
        }

        string? name = null;
        if (!properties.TryGetValue("name", out var nameElement))
        {
            context.Report(path + ".name", "is missing; give the site a name for reports, like \"account\".");
        }
        else
        {
            name = context.NonEmptyString(nameElement, path + ".name");
        }

        var (url, steps) = ReadPage(properties, path, bases, context, "give the page to open, like \"https://staging.example.com/account\"", allowEmptyUrl: true);
        var emulation = properties.TryGetValue("browser", out var browser) ? EmulationReader.ReadSite(browser, path + ".browser", context) : null;
        return name is null || url is null ? null : new SiteDefinition(name, url, steps, path) { Emulation = emulation };
    }
}
