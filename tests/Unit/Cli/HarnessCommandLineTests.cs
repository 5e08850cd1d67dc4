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

    private const string Secret = "3f1c9a7be2d04c8f9e1a6b5d7c3e2f10";

    [TestCase("sign", "--token", Secret)]
    [TestCase("sign", "--token=" + Secret)]
    [TestCase("verify", "--signature", "x", "--secret", Secret)]
    [TestCase("sign", "--messenger-token", Secret)]
    public async Task A_token_passed_as_an_option_is_never_echoed_and_the_error_says_where_tokens_go(params string[] args)
    {
        var run = await CliRun.RunAsync([.. args, "--name", "Ann"]);

        run.ExitCode.ShouldBe(2);
        run.All.ShouldNotContain(Secret);
        run.Error.ShouldContain(args.Last(a => a.StartsWith("--", StringComparison.Ordinal)).Split('=')[0] + " is not an option");
        run.Error.ShouldContain("Use --token-env VARIABLE");
        run.Error.ShouldContain("--token-file FILE");
    }

    [TestCase("--bogus", Secret)]
    [TestCase("--bogus=" + Secret)]
    [TestCase("--name", "Ann", Secret)]
    [TestCase(Secret)]
    public async Task An_unknown_option_or_stray_argument_is_named_without_its_value(params string[] args)
    {
        var run = await CliRun.RunAsync(["sign", .. args]);

        run.ExitCode.ShouldBe(2);
        run.All.ShouldNotContain(Secret);
        run.Error.ShouldContain(args[0].StartsWith("--bogus", StringComparison.Ordinal) ? "--bogus is not an option" : "is not expected here (it is not shown");
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
        ((int)ExitCode.InternalError).ShouldBe(4);
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
