namespace Kayako.Harness.Configuration;

/// <summary>
/// The <c>setup</c> section: steps played once per worker before its sites (signing in, say), in a fresh context;
/// the context's storage state (cookies, local storage) then starts every site of that worker. Like Playwright
/// Test's set-up projects.
/// </summary>
/// <param name="Url">The absolute http(s) URL opened first (a login page).</param>
/// <param name="Steps">The steps, in the same language as a site's.</param>
/// <param name="JsonPath">Where it came from (<c>$.setup</c>), for messages.</param>
public sealed record SetupDefinition(Uri Url, IReadOnlyList<SiteStep> Steps, string JsonPath);
