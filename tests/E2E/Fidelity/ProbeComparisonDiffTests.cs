using System.Text.Json.Nodes;
using Shouldly;

namespace Kayako.Harness.E2E.Tests.Fidelity;

/// <summary>The diff <see cref="ProbeComparisonTests"/> prints when a probe's two records differ.</summary>
public sealed class ProbeComparisonDiffTests
{
    [Test]
    public void Identical_records_have_no_difference()
    {
        var record = JsonNode.Parse("""{ "a": [1, { "b": "c" }], "names": ["x", "y"] }""")!;

        ObservationDiff.Compare(record, record.DeepClone()).ShouldBeEmpty();
    }

    [Test]
    public void A_changed_value_is_named_by_its_path_with_both_sides()
    {
        var check = JsonNode.Parse("""{ "moments": { "after the snippet": { "memberTypes": { "maximize": "function" } } } }""");
        var plain = JsonNode.Parse("""{ "moments": { "after the snippet": { "memberTypes": { "maximize": "undefined" } } } }""");

        var difference = ObservationDiff.Compare(check, plain).ShouldHaveSingleItem();

        difference.ShouldBe(string.Join(Environment.NewLine,
            """$.moments["after the snippet"].memberTypes.maximize""",
            """    under check: "function" """.TrimEnd(),
            """    plain Chromium: "undefined" """.TrimEnd()));
    }

    [Test]
    public void Lists_of_names_are_compared_as_sets()
    {
        var check = JsonNode.Parse("""{ "globals": ["a", "b", "c", "d", "e", "f", "g", "__harness"] }""");
        var plain = JsonNode.Parse("""{ "globals": ["a", "b", "c", "d", "e", "f", "g"] }""");

        var difference = ObservationDiff.Compare(check, plain).ShouldHaveSingleItem();

        difference.ShouldContain("$.globals: lists differ (8 items under check, 7 in plain Chromium)");
        difference.ShouldContain("only under check: __harness");
        difference.ShouldContain("only in plain Chromium: (none)");
    }

    [Test]
    public void Keys_on_one_side_only_are_reported_with_their_value()
    {
        var check = JsonNode.Parse("""{ "eval": ["a script with no URL"] }""");
        var plain = JsonNode.Parse("""{ "setTimeout": ["this page"] }""");

        var differences = ObservationDiff.Compare(check, plain);

        differences.ShouldBe([
            """$.eval: only under check: ["a script with no URL"]""",
            """$.setTimeout: only in plain Chromium: ["this page"]""",
        ]);
    }
}
