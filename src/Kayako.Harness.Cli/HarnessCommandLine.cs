using System.CommandLine;
using Kayako.Harness.Cli.Commands;

namespace Kayako.Harness.Cli;

/// <summary>The <c>kayako-harness</c> command line: its verbs and how a run turns into an exit code.</summary>
internal static class HarnessCommandLine
{
    /// <summary>The exit code for a usage mistake (an unknown option, a missing value).</summary>
    public const int UsageError = 2;

    public static RootCommand CreateRoot()
    {
        var root = new RootCommand(
            "Checks Kayako Messenger integrations in a real browser and keeps identity signatures byte-identical across C#, PHP and Node.");
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. Parse errors exit 2 (DESIGN.md: usage), not System.CommandLine's
    /// default 1, which the verbs use for "found a problem".
    /// </summary>
    public static async Task<int> RunAsync(string[] args, InvocationConfiguration configuration, CancellationToken cancellationToken)
    {
        var parseResult = CreateRoot().Parse(args);
        if (parseResult.Errors.Count == 0)
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken);
        }

        foreach (var error in parseResult.Errors)
        {
            await configuration.Error.WriteLineAsync($"kayako-harness: {error.Message}");
        }

        var verb = parseResult.CommandResult.Command is RootCommand ? "" : parseResult.CommandResult.Command.Name + " ";
        await configuration.Error.WriteLineAsync($"Run 'kayako-harness {verb}--help' for the options.");
        return UsageError;
    }
}
