using Kayako.Harness.Cli;
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

    [Test]
    public void An_internal_error_is_one_line_that_names_the_failure_but_not_its_message()
    {
        var failure = Throw(() => throw new InvalidOperationException("Cannot transcode 'SECRET-token-0b7e'"));

        var line = InternalError.Describe("sign", failure);

        line.ShouldStartWith("kayako-harness sign: internal error: System.InvalidOperationException in ");
        line.ShouldContain(nameof(An_internal_error_is_one_line_that_names_the_failure_but_not_its_message));
        line.ShouldContain("KAYAKO_HARNESS_DEBUG=1");
        line.ShouldNotContain("SECRET");
        line.ShouldNotContain('\n');
        InternalError.ExitCode.ShouldBe(4);
    }

    private static Exception Throw(Action action)
    {
        try
        {
            action();
        }
        catch (InvalidOperationException error)
        {
            return error;
        }

        throw new AssertionException("the action did not throw");
    }
}
