using System.Text.Json.Nodes;
using Kayako.Harness.Checking.Reports;
using Shouldly;

namespace Kayako.Harness.Tests.Checking.Reports;

/// <summary>A site's "emulation" in the JSON report: kept by a round trip, optional for reports written before it, read as strictly as the rest.</summary>
public sealed class EmulationJsonTests
{
    private static JsonObject Whole() => JsonNode.Parse(ShardedReports.Json(ShardedReports.Whole()))!.AsObject();

    [Test]
    public void A_phone_a_desktop_and_a_site_without_it_read_back_as_written()
    {
        var whole = ShardedReports.Whole();

        var read = JsonReportReader.Read(ShardedReports.Json(whole), "report.json");

        read.Sites.Select(s => s.Emulation).ShouldBe(whole.Sites.Select(s => s.Emulation));
        read.Sites.Select(s => s.Emulation).ShouldContain(e => e != null && e.IsMobile);
        read.Sites.Select(s => s.Emulation).ShouldContain(e => e == null);
    }

    [Test]
    public void Every_mistake_in_an_emulation_is_named_by_its_path()
    {
        var json = Whole();
        var emulation = json["sites"]![0]!["emulation"]!.AsObject();
        emulation["colorScheme"] = "purple";
        emulation["viewport"] = new JsonObject { ["width"] = 0, ["height"] = 10 };
        emulation["deviceScaleFactor"] = -1;
        emulation.Remove("hasTouch");
        json["sites"]![4]!["emulation"]!["isMobile"] = "yes";

        var problem = Should.Throw<ReportFormatException>(() => JsonReportReader.Read(json.ToJsonString(), "report.json"));

        problem.Problems.ShouldBe([
            "$.sites[0].emulation: has no \"hasTouch\".",
            "$.sites[4].emulation.isMobile: must be true or false, not the string \"yes\".",
        ], ignoreOrder: true);

        emulation["hasTouch"] = true;
        json["sites"]![4]!["emulation"]!["isMobile"] = false;
        problem = Should.Throw<ReportFormatException>(() => JsonReportReader.Read(json.ToJsonString(), "report.json"));
        problem.Problems.ShouldBe([
            "$.sites[0].emulation.viewport.width: must be a whole number from 1 to 10000, not the number 0.",
            "$.sites[0].emulation.deviceScaleFactor: must be a number above 0, not the number -1.",
            "$.sites[0].emulation.colorScheme: must be \"light\", \"dark\", \"no-preference\" or null, not \"purple\".",
        ], ignoreOrder: true);
    }
}
