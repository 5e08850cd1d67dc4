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
        error.ShouldBe("kayako-harness check: the file '/dev/zero' (from --config) is larger than 16 MiB; a configuration lists sites and steps; is this the right file?\n");
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

    [Test]
    public async Task A_token_in_messenger_token_env_is_a_usage_error_that_does_not_print_it()
    {
        // A valid variable name by its characters, so only its shape gives it away.
        const string token = "f3c19a7be2d04c8f9e1a6b5d7c3e2f10";
        var config = CheckCli.WriteConfig($$"""
            { "browser": { "executablePath": "/nonexistent/chromium" }, "messenger": { "tokenEnv": "{{token}}" },
              "sites": [ { "name": "home", "url": "https://staging.example.com/" } ] }
            """);

        var (exit, output, error) = await CheckCli.RunAsync("--config", config);

        exit.ShouldBe(2, error);
        error.ShouldContain("$.messenger.tokenEnv names no set variable, and looks like a token rather than a variable name (so it is not shown)");
        (output + error).ShouldNotContain(token);
    }

    [Test]
    public async Task A_token_env_that_is_not_a_variable_name_is_reported_without_its_value()
    {
        const string token = "kq83nD0x-T7vR2mLw9bZ4+Yp";
        var config = CheckCli.WriteConfig($$"""
            { "messenger": { "tokenEnv": "{{token}}" }, "sites": [ { "name": "home", "url": "https://staging.example.com/" } ] }
            """);

        var (exit, output, error) = await CheckCli.RunAsync("--config", config);

        exit.ShouldBe(2, error);
        error.ShouldContain("$.messenger.tokenEnv: is not an environment variable name (the value is not shown");
        (output + error).ShouldNotContain(token);
    }
}
