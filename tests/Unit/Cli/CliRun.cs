using System.CommandLine;
using Kayako.Harness.Cli;

namespace Kayako.Harness.Tests.Cli;

/// <summary>What one in-process run of the CLI printed and returned.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Everything the run printed, standard output then standard error.</summary>
    public string All => Output + Error;

    /// <summary>Runs <c>kayako-harness</c> with <paramref name="args"/>, exactly as Program.cs runs it.</summary>
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await HarnessCommandLine.RunAsync(args, new InvocationConfiguration { Output = output, Error = error }, CancellationToken.None);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
