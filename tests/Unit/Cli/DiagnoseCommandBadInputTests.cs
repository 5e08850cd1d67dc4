using System.Text;
using Shouldly;

namespace Kayako.Harness.Tests.Cli;

/// <summary>Input diagnose cannot use ends with one line naming the input and exit 2, never a stack trace or a guess.</summary>
public sealed class DiagnoseCommandBadInputTests
{
    private const string Secret = "SECRET-token-0b7e";

    // "Ann" then 0xFF, a byte UTF-8 never uses, inside the name on line 2.
    private static readonly byte[] InvalidOnLine2 =
    [
        .. Encoding.UTF8.GetBytes($"{{\"name\":\"Bob\",\"email\":\"b@x\",\"token\":\"{Secret}\",\"timestamp\":1,\"signature\":\"\"}}\n"),
        .. Encoding.UTF8.GetBytes("{\"name\":\"Ann"), 0xFF,
        .. Encoding.UTF8.GetBytes($"\",\"email\":\"a@x\",\"token\":\"{Secret}\",\"timestamp\":1,\"signature\":\"\"}}\n"),
    ];

    [Test]
    public async Task Invalid_utf8_in_a_file_names_the_line_and_byte_instead_of_diagnosing_a_replacement_character()
    {
        using var file = DiagnoseCli.Write(InvalidOnLine2);

        var run = await DiagnoseCli.RunAsync(file.Path);

        ShouldBeOneLineOfBadInput(run, $"'{file.Path}' is not UTF-8 text: line 2, byte 13 is not valid UTF-8");
        run.Output.ShouldBeEmpty();
    }

    [Test]
    public async Task Invalid_utf8_on_standard_input_names_the_line_and_byte()
    {
        var run = await CliProcess.RunAsync(InvalidOnLine2, "diagnose", "-");

        ShouldBeOneLineOfBadInput(run, "standard input is not UTF-8 text: line 2, byte 13 is not valid UTF-8");
    }

    [Test]
    public async Task An_endless_input_stops_at_the_limit_and_names_it()
    {
        var run = await DiagnoseCli.RunAsync("/dev/zero");

        ShouldBeOneLineOfBadInput(run, "'/dev/zero' is larger than 16 MiB");
    }

    [Test]
    public async Task A_folder_is_named_as_a_folder()
    {
        var folder = Directory.CreateTempSubdirectory("diagnose-").FullName;

        var run = await DiagnoseCli.RunAsync(folder);

        ShouldBeOneLineOfBadInput(run, $"'{folder}' is a folder");
        Directory.Delete(folder);
    }

    private static void ShouldBeOneLineOfBadInput(CliRun run, string expected)
    {
        run.ExitCode.ShouldBe(2, run.All);
        run.Error.ShouldStartWith("kayako-harness diagnose: ");
        run.Error.ShouldContain(expected);
        run.Error.TrimEnd('\n', '\r').ShouldNotContain('\n');
        run.All.ShouldNotContain(" at ");
        run.All.ShouldNotContain(Secret);
    }
}
