using Shouldly;

namespace Kayako.Harness.Tests.Cli;

public sealed class HarnessCommandLineTests
{
    [Test]
    public async Task An_unknown_option_is_a_usage_error_with_exit_code_2()
    {
        var run = await CliRun.RunAsync("sign", "--bogus", "x");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--bogus");
        run.Error.ShouldContain("kayako-harness sign --help");
    }

    [Test]
    public async Task An_unknown_verb_is_a_usage_error_with_exit_code_2()
    {
        var run = await CliRun.RunAsync("sing");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("sing");
    }

    [Test]
    public async Task Help_is_not_an_error()
    {
        var run = await CliRun.RunAsync("--help");

        run.ExitCode.ShouldBe(0);
        run.Output.ShouldContain("contract");
    }
}
