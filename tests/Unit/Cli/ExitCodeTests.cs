using System.Text.RegularExpressions;
using Kayako.Harness.Checking;
using Kayako.Harness.Cli;
using Kayako.Harness.Cli.Commands;
using Kayako.Harness.Messenger;
using Kayako.Harness.NUnit;
using Kayako.Harness.Signing;
using Shouldly;

namespace Kayako.Harness.Tests.Cli;

/// <summary>
/// One exit-code map, fed by one exception hierarchy: every code the command and the launcher give is in README's
/// table, and every exception the libraries throw on purpose is a <see cref="HarnessException"/> whose category
/// picks its code.
/// </summary>
public sealed partial class ExitCodeTests
{
    [TestCase(HarnessErrorCategory.BadInput, 2)]
    [TestCase(HarnessErrorCategory.Environment, 3)]
    [TestCase(HarnessErrorCategory.Finding, 1)]
    public void Each_kind_of_failure_has_the_exit_code_the_readme_gives_it(HarnessErrorCategory category, int code)
    {
        ((int)HarnessCommandLine.ExitCodeOf(category)).ShouldBe(code);
    }

    [Test]
    public void Every_kind_of_failure_has_an_exit_code_of_its_own_and_none_is_an_internal_error()
    {
        var codes = Enum.GetValues<HarnessErrorCategory>().Select(HarnessCommandLine.ExitCodeOf).ToList();

        codes.ShouldBeUnique();
        codes.ShouldNotContain(ExitCode.InternalError);
        codes.ShouldNotContain(ExitCode.Ok);
    }

    [Test]
    public void The_exit_codes_are_the_ones_the_readme_lists()
    {
        var readme = File.ReadAllText(RepositoryFixtures.RepositoryPathOf("README.md"));
        var table = readme[readme.IndexOf("### Exit codes", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", table.IndexOf("|---|", StringComparison.Ordinal), StringComparison.Ordinal)];

        var documented = TableRow().Matches(table).SelectMany(row => Code().Matches(row.Groups[1].Value)).Select(code => int.Parse(code.Value, System.Globalization.CultureInfo.InvariantCulture));

        documented.Order().ShouldBe(Enum.GetValues<ExitCode>().Select(code => (int)code).Order());
    }

    [Test]
    public void Every_exception_the_libraries_throw_on_purpose_is_a_harness_exception()
    {
        var assemblies = new[] { typeof(MessengerSignature).Assembly, typeof(CheckRunner).Assembly, typeof(MessengerPageTest).Assembly, typeof(HarnessCommandLine).Assembly };

        var outside = assemblies.SelectMany(assembly => assembly.GetTypes())
            .Where(type => type.IsSubclassOf(typeof(Exception)) && type != typeof(HarnessException) && !type.IsSubclassOf(typeof(HarnessException)))
            .ToList();

        // A timeout first: the check engine and users' tests catch it together with Playwright's own timeouts.
        outside.ShouldBe([typeof(CallLogTimeoutException)]);
        typeof(CallLogTimeoutException).IsSubclassOf(typeof(TimeoutException)).ShouldBeTrue();
    }

    [Test]
    public async Task A_signer_that_fails_on_the_batch_is_a_finding_and_exits_1()
    {
        // Node that starts and exits 1 at once: the contract was not kept, as when it signs differently.
        var run = await CliRun.RunAsync("contract", "--node", "/bin/false");

        run.ExitCode.ShouldBe(1, run.Error);
        run.Error.ShouldStartWith("kayako-harness contract: The Node reference signer (/bin/false ");
        run.Error.ShouldContain("exited with code 1");
    }

    [Test]
    public void Bad_input_found_in_the_command_line_tool_is_a_harness_exception_of_that_kind()
    {
        new BadInputException("x").Category.ShouldBe(HarnessErrorCategory.BadInput);
        new BadInputException(["a", "b"]).Message.ShouldBe($"2 problems:{Environment.NewLine}  a{Environment.NewLine}  b");
    }

    [GeneratedRegex(@"^\| ([^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Code();
}
