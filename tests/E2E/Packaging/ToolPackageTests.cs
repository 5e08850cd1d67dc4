using Shouldly;

namespace Kayako.Harness.E2E.Tests.Packaging;

/// <summary>
/// <c>dotnet pack</c> of the CLI gives the .NET tool the README installs. Its own fixture: the package carries
/// Playwright's driver (Node, ~130 MB) and packing it takes half a minute, which overlaps other fixtures this way.
/// </summary>
[Category("Packaging")]
public sealed class ToolPackageTests
{
    [Test]
    public async Task Pack_produces_the_kayako_harness_tool()
    {
        // Arrange
        var work = Directory.CreateTempSubdirectory("kayako-tool-package-").FullName;
        try
        {
            var feed = Path.Combine(work, "feed");
            var version = Packing.NewVersion();

            // Act
            var run = await Packing.PackToolAsync(work, feed, version);
            await TestContext.Progress.WriteLineAsync($"packed the tool {version} in {run.Elapsed.TotalSeconds:0.0} s");

            // Assert
            run.ExitCode.ShouldBe(0, run.Output);
            Directory.GetFiles(feed).Select(Path.GetFileName).ShouldBe([$"{Packing.Tool}.{version}.nupkg"]);
            using var tool = Packing.Open(feed, Packing.Tool, version);
            tool.GetEntry("tools/net10.0/any/kayako-harness.dll").ShouldNotBeNull();
            tool.GetEntry("tools/net10.0/any/DotnetToolSettings.xml").ShouldNotBeNull();
            tool.GetEntry("tools/net10.0/any/.playwright/package/cli.js").ShouldNotBeNull("Playwright's driver travels with the tool");
            Packing.Nuspec(tool).Descendants().Where(e => e.Name.LocalName == "packageType").Select(e => (string?)e.Attribute("name")).ShouldContain("DotnetTool");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
