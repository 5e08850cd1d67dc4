using Kayako.Harness.Tests.Checking;
using Shouldly;

namespace Kayako.Harness.Tests.Cli;

/// <summary>A configuration file check cannot read ends in one line and exit 2 before any browser starts.</summary>
public sealed class CheckCommandInputTests
{
    [Test]
    public async Task An_endless_configuration_file_stops_at_the_limit()
    {
        var (exit, output, error) = await CheckCli.RunAsync("--config", "/dev/zero");

        exit.ShouldBe(2, error);
        error.ShouldBe("check: the file '/dev/zero' (from --config) is larger than 16 MiB; a configuration lists sites and steps; is this the right file?\n");
        output.ShouldBeEmpty();
    }

    [Test]
    public async Task A_configuration_file_that_is_not_utf8_names_the_line_and_byte()
    {
        var config = CheckCli.WriteConfig("");
        await File.WriteAllBytesAsync(config, [.. "{\n  \"sites\": [ { \"name\": \"caf"u8, 0xE9, .. "\" } ]\n}\n"u8]);

        var (exit, _, error) = await CheckCli.RunAsync("--config", config);

        exit.ShouldBe(2, error);
        error.ShouldContain($"the file '{config}' (from --config) is not UTF-8 text: line 2, byte 28 is not valid UTF-8");
    }
}
