using System.CommandLine;
using Kayako.Harness.Cli.Commands;

namespace Kayako.Harness.Tests.Cli;

/// <summary>What one in-process run of the CLI printed and returned.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs <c>kayako-harness</c> with <paramref name="args"/>, built exactly as Program.cs builds it.</summary>
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var root = new RootCommand("kayako-harness under test");
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
