using System.Text.Json;
using Kayako.Harness.Signing.Diagnosis;

namespace Kayako.Harness.Tests.Signing.Diagnosis;

/// <summary>
/// The signature bug reports in fixtures/signatures/bugs/, made by real PHP and Node code making each mistake
/// (make-bugs.php, make-bugs.js; regenerate.sh rewrites them).
/// </summary>
internal static class BugCorpus
{
    public static string Directory { get; } = RepositoryFixtures.PathOf("signatures/bugs");

    /// <summary>The corpus the diagnosis was developed against.</summary>
    public static string Reports => Path.Combine(Directory, "reports.jsonl");

    /// <summary>Another batch from the same scripts with other people, tokens and times.</summary>
    public static string HeldOut => Path.Combine(Directory, "heldout.jsonl");

    public static IEnumerable<TestCaseData> Cases(string file) =>
        File.ReadLines(file).Select((line, i) =>
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var report = root.GetProperty("report");
            var value = new BugReport(
                root.GetProperty("expectedCause").GetString()!,
                new SignatureReport(
                    report.GetProperty("name").GetString()!,
                    report.GetProperty("email").GetString()!,
                    report.GetProperty("token").GetString(),
                    report.GetProperty("timestamp").GetInt64(),
                    report.GetProperty("signature").GetString()!));
            var source = root.GetProperty("source").GetString();
            var mistake = root.GetProperty("mistake").GetString();
            return new TestCaseData(value).SetArgDisplayNames($"{Path.GetFileNameWithoutExtension(file)}:{i + 1} {source}: {mistake}");
        });
}

/// <summary>One corpus entry: the cause the generating script made, and the report its page would send.</summary>
internal sealed record BugReport(string ExpectedCause, SignatureReport Report);
