using System.Text.Json;

namespace Kayako.Harness.E2E.Tests.Checking;

/// <summary>fixtures/sites/expected-findings.json: the exact rule ids each page of the PHP and Node sites must give.</summary>
internal static class ExpectedFindings
{
    public static IReadOnlyDictionary<string, string[]> All { get; } =
        JsonSerializer.Deserialize<Dictionary<string, string[]>>(File.ReadAllText(Path.Combine(SiteServer.SitesRoot, "expected-findings.json")))!;
}
