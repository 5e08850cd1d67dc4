using System.Text.RegularExpressions;
using System.Xml.Linq;
using Shouldly;

namespace Kayako.Harness.Tests.NUnit;

/// <summary>
/// The README's NUnit example is the sample project that tests/E2E/Packaging runs against the packed libraries, word
/// for word, and the sample asks for the versions of NUnit and the test SDK the repository builds with.
/// </summary>
public sealed partial class ReadmeSampleTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(RepositoryFixtures.PathOf(""), ".."));
    private static readonly string Sample = Path.Combine(Root, "samples", "MessengerTests");

    [Test]
    public async Task The_README_NUnit_example_is_the_sample_test_word_for_word()
    {
        // Arrange
        var readme = await File.ReadAllTextAsync(Path.Combine(Root, "README.md"));
        var section = readme[readme.IndexOf("## Use it from your own NUnit tests", StringComparison.Ordinal)..];

        // Act
        var example = CSharpBlock().Match(section).Groups["code"].Value;

        // Assert
        example.ShouldNotBeEmpty();
        example.ReplaceLineEndings().ShouldBe((await File.ReadAllTextAsync(Path.Combine(Sample, "ChatButtonTests.cs"))).ReplaceLineEndings());
    }

    [Test]
    public void The_sample_references_the_package_versions_the_repository_builds_with()
    {
        // Arrange
        var central = XDocument.Load(Path.Combine(Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!, StringComparer.Ordinal);

        // Act
        var references = XDocument.Load(Path.Combine(Sample, "MessengerTests.csproj")).Descendants("PackageReference")
            .Where(e => (string)e.Attribute("Include")! != "Kayako.Harness.NUnit")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!, StringComparer.Ordinal);

        // Assert
        references.Keys.ShouldBe(["Microsoft.NET.Test.Sdk", "NUnit", "NUnit3TestAdapter"], ignoreOrder: true);
        references.ShouldAllBe(reference => central[reference.Key] == reference.Value);
    }

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
