using System.Reflection;
using System.Runtime.CompilerServices;
using Kayako.Harness.Messenger;
using Kayako.Harness.NUnit;
using Kayako.Harness.Signing;
using Shouldly;

namespace Kayako.Harness.Tests.Architecture;

/// <summary>
/// The lines between the libraries, held by the compiler's output: a user who only signs gets no packages, the
/// browser library no test framework, and the command line only what any user gets (the public API).
/// </summary>
public sealed class AssemblyBoundaryTests
{
    private static readonly Assembly Signing = typeof(MessengerSignature).Assembly;
    private static readonly Assembly Harness = typeof(MessengerStub).Assembly;
    private static readonly Assembly NUnitLibrary = typeof(MessengerPageTest).Assembly;

    private static IEnumerable<TestCaseData> Libraries() =>
    [
        new TestCaseData(Signing).SetName("Kayako.Harness.Signing_shows_its_internals_only_to_tests"),
        new TestCaseData(Harness).SetName("Kayako.Harness_shows_its_internals_only_to_tests"),
        new TestCaseData(NUnitLibrary).SetName("Kayako.Harness.NUnit_shows_its_internals_only_to_tests"),
    ];

    [Test]
    public void Signing_needs_nothing_but_the_runtime()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var outside = Signing.GetReferencedAssemblies()
            .Where(reference => !File.Exists(Path.Combine(runtime, reference.Name + ".dll")))
            .Select(reference => reference.Name);
        outside.ShouldBeEmpty("Kayako.Harness.Signing must run with the .NET runtime alone");
    }

    [Test]
    public void The_browser_library_does_not_bring_a_test_framework()
    {
        var names = Harness.GetReferencedAssemblies().Select(reference => reference.Name ?? "").ToList();
        names.ShouldNotContain(name => name.StartsWith("nunit", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Shouldly", StringComparison.Ordinal) || name.StartsWith("Microsoft.Playwright.NUnit", StringComparison.Ordinal));
        names.ShouldContain("Kayako.Harness.Signing");
    }

    [TestCaseSource(nameof(Libraries))]
    public void A_library_shows_its_internals_only_to_test_projects(Assembly library)
    {
        var friends = library.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToList();
        friends.ShouldNotContain("kayako-harness");
        friends.ShouldAllBe(name => name.EndsWith(".Tests", StringComparison.Ordinal));
    }

    [Test]
    public void Nothing_in_the_repository_points_at_a_design_file_outside_it()
    {
        // The design a contributor needs is docs/ARCHITECTURE.md; a file outside the repository points nowhere for anyone who clones it.
        var outsideDesign = "DESIGN" + ".md";
        var citing = new[] { "src", "tests", "bench", "fixtures", "docs", "samples" }
            .Select(RepositoryFixtures.RepositoryPathOf)
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetExtension(file) is ".cs" or ".js" or ".md" or ".html" or ".php" or ".csproj" or ".json")
            .Append(RepositoryFixtures.RepositoryPathOf("README.md"))
            .Where(file => File.ReadAllText(file).Contains(outsideDesign, StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(RepositoryFixtures.RepositoryPathOf(""), file));
        citing.ShouldBeEmpty();
        File.Exists(RepositoryFixtures.RepositoryPathOf("docs/ARCHITECTURE.md")).ShouldBeTrue();
    }
}
