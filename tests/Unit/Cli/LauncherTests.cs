using System.Diagnostics;
using Kayako.Harness.Cli;
using Shouldly;

namespace Kayako.Harness.Tests.Cli;

/// <summary>
/// The launcher (<c>./kayako-harness</c>) run from a copy whose command project does not build: it must say so and
/// exit with a code of its own, not 2, which would read as a usage mistake in the command the user typed.
/// </summary>
public sealed class LauncherTests
{
    [Test]
    public async Task A_build_that_fails_exits_with_its_own_code_and_says_so()
    {
        var copy = Directory.CreateTempSubdirectory("launcher-").FullName;
        try
        {
            File.Copy(RepositoryFixtures.RepositoryPathOf("kayako-harness"), Path.Combine(copy, "kayako-harness"));
            var project = Path.Combine(copy, "src", "Kayako.Harness.Cli", "Kayako.Harness.Cli.csproj");
            Directory.CreateDirectory(Path.GetDirectoryName(project)!);
            await File.WriteAllTextAsync(project, "<Project"); // MSBuild fails on it at once, before any restore

            var start = new ProcessStartInfo("bash", [Path.Combine(copy, "kayako-harness"), "sign", "--name", "Ann"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            process.ExitCode.ShouldBe((int)ExitCode.BuildFailed, await error);
            process.ExitCode.ShouldNotBe((int)ExitCode.Usage);
            (await error).ShouldContain("kayako-harness: the build failed, so nothing ran (exit 5); see the errors above");
            (await output).ShouldBeEmpty();
            File.Exists(Path.Combine(copy, "src", "Kayako.Harness.Cli", "bin", "Release", "net10.0", "kayako-harness.dll")).ShouldBeFalse();
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }
}
