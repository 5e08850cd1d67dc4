using System.Reflection;
using Kayako.Harness.Checking;
using Kayako.Harness.Checking.Rules;
using Shouldly;

namespace Kayako.Harness.Tests.Checking;

/// <summary>
/// Each finding id's explanation and fix live once in code (SARIF's rule help is written from them); README's
/// "What each finding means" table must say exactly the same, row for row.
/// </summary>
public sealed class RuleDescriptionsTests
{
    private static readonly string[] EveryRuleId = [.. typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    // The rows of the table under "## What each finding means": | `id` | severity | means | fix |
    private static List<string[]> ReadmeRows()
    {
        var lines = File.ReadAllLines(RepositoryFixtures.RepositoryPathOf("README.md"));
        var heading = Array.IndexOf(lines, "## What each finding means");
        heading.ShouldBeGreaterThan(-1, "README has no \"## What each finding means\" section");
        return [.. lines.Skip(heading + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Trim().Trim('|').Split(" | ").Select(cell => cell.Trim()).ToArray())];
    }

    [Test]
    public void Every_finding_id_is_described_once()
    {
        RuleDescriptions.All.Select(d => d.Id).ShouldBe(EveryRuleId, ignoreOrder: true);
        RuleDescriptions.All.Select(d => d.Id).ShouldBeUnique();
    }

    [Test]
    public void Every_rule_of_the_catalogue_is_described()
    {
        RuleCatalog.All.Select(r => r.Id).ShouldBeSubsetOf(RuleDescriptions.All.Select(d => d.Id));
    }

    [Test]
    public void The_readme_table_says_what_the_code_says_row_for_row()
    {
        var rows = ReadmeRows();

        rows.ShouldAllBe(cells => cells.Length == 4);
        rows.Select(cells => cells[0]).ShouldBe(RuleDescriptions.All.Select(d => $"`{d.Id}`"));
        foreach (var (cells, description) in rows.Zip(RuleDescriptions.All))
        {
            cells[1].ShouldBe(description.Severity.ToString().ToLowerInvariant(), description.Id);
            cells[2].ShouldBe(description.Means, description.Id);
            cells[3].ShouldBe(description.Fix, description.Id);
        }
    }
}
