using Kayako.Harness.Checking;
using Kayako.Harness.Cli.Commands;
using Kayako.Harness.Tests.Checking;
using Kayako.Harness.Tests.Checking.Reports;
using Shouldly;

namespace Kayako.Harness.Tests.Cli;

/// <summary>
/// check's report paths are checked before any browser starts (the configuration names a browser that does not
/// exist, so getting past the check would be exit 3), and a report that cannot be written at the end does not
/// stop the others.
/// </summary>
public sealed class CheckCommandOutputTests
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("check-output-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    private static IEnumerable<TestCaseData> BadOutputs()
    {
        yield return Case("under /proc", ["--json", "/proc/report.json"], "--json /proc/report.json is under /proc");
        yield return Case("under /sys", ["--junit", "/sys/junit.xml"], "--junit /sys/junit.xml is under /sys");
        yield return Case("a device", ["--html", "/dev/stdout"], "--html /dev/stdout is under /dev");
        yield return Case("a link into /proc", ["--json", "{folder}/proc-link/report.json"], "--json {folder}/proc-link/report.json is under /proc");
        yield return Case("a folder", ["--html", "{folder}"], "--html {folder} is a folder; give a file in it, like --html {folder}/report.html");
        yield return Case("in a file", ["--json", "{folder}/file/report.json"], "--json {folder}/file/report.json cannot be written: {folder}/file is a file, not a folder");
        yield return Case("the same file twice", ["--json", "{folder}/r", "--html", "{folder}/./r"], "--json and --html name the same file");
        yield return Case("sarif in a file", ["--sarif", "{folder}/file/report.sarif"], "--sarif {folder}/file/report.sarif cannot be written: {folder}/file is a file, not a folder");
        yield return Case("sarif and junit the same file", ["--junit", "{folder}/r", "--sarif", "{folder}/r"], "--junit and --sarif name the same file");

        static TestCaseData Case(string name, string[] args, string expected) =>
            new TestCaseData(args, expected).SetName($"A_report_path_that_cannot_be_written_is_a_usage_error_before_the_run({name})");
    }

    [TestCaseSource(nameof(BadOutputs))]
    public async Task A_report_path_that_cannot_be_written_is_a_usage_error_before_the_run(string[] args, string expected)
    {
        File.WriteAllText(Path.Combine(folder, "file"), "");
        Directory.CreateSymbolicLink(Path.Combine(folder, "proc-link"), "/proc");

        var (exit, output, error) = await CheckCli.RunAsync(["--config", Config(), .. args.Select(a => a.Replace("{folder}", folder, StringComparison.Ordinal))]);

        exit.ShouldBe(2, error);
        error.ShouldStartWith("kayako-harness check: ");
        error.ShouldContain(expected.Replace("{folder}", folder, StringComparison.Ordinal));
        output.ShouldBeEmpty();
    }

    [TestCase("/proc/harness", "report.dir /proc/harness is under /proc")]
    [TestCase("{folder}/file", "report.dir {folder}/file is a file; give a folder")]
    [TestCase("{folder}/file/traces", "report.dir {folder}/file/traces cannot be written: {folder}/file is a file, not a folder")]
    public async Task A_report_dir_that_cannot_be_written_is_a_usage_error_before_the_run(string dir, string expected)
    {
        File.WriteAllText(Path.Combine(folder, "file"), "");

        var (exit, _, error) = await CheckCli.RunAsync("--config", Config(dir.Replace("{folder}", folder, StringComparison.Ordinal)));

        exit.ShouldBe(2, error);
        error.ShouldContain(expected.Replace("{folder}", folder, StringComparison.Ordinal));
    }

    [Test]
    public async Task Report_paths_in_folders_yet_to_be_made_pass_the_check()
    {
        var (exit, _, error) = await CheckCli.RunAsync("--config", Config(Path.Combine(folder, "new", "dir")), "--json", Path.Combine(folder, "out", "r.json"));

        exit.ShouldBe(3, error); // past the paths, at the browser that does not exist
        Directory.Exists(Path.Combine(folder, "out")).ShouldBeFalse();
    }

    [Test]
    public async Task A_report_that_cannot_be_written_at_the_end_is_one_line_and_the_others_are_still_written()
    {
        File.WriteAllText(Path.Combine(folder, "file"), "");
        var outputs = new ReportOutputs(new CheckArguments(null, null, null,
            Json: new FileInfo(Path.Combine(folder, "file", "r.json")), JUnit: new FileInfo(Path.Combine(folder, "r.xml")), Html: new FileInfo(Path.Combine(folder, "r.html")), Workers: null));
        using var error = new StringWriter();

        var written = await outputs.WriteAsync(SampleReport.Create(), error);

        written.ShouldBeFalse();
        error.ToString().ShouldStartWith($"kayako-harness check: could not write the JSON report (--json {folder}/file/r.json): ");
        error.ToString().TrimEnd().ShouldNotContain('\n', error.ToString());
        File.ReadAllText(Path.Combine(folder, "r.xml")).ShouldContain("<testsuites");
        File.ReadAllText(Path.Combine(folder, "r.html")).ShouldContain("</html>");
    }

    private string Config(string reportDir = "TestResults/harness")
    {
        var path = Path.Combine(folder, "playwright.config.json");
        File.WriteAllText(path, $$"""
            { "browser": { "executablePath": "/nonexistent/chromium" }, "report": { "dir": "{{reportDir}}" },
              "sites": [ { "name": "home", "url": "https://staging.example.com/" } ] }
            """);
        return path;
    }
}
