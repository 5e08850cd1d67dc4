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
    /// default 1, which the verbs use for "found a problem", and never echo a value the user typed. A failure no
    /// verb handled is one line and exit <see cref="InternalError.ExitCode"/>, never a stack trace.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, InvocationConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // "@file" arguments are values here ("--name @ann"), not response files to expand.
        var parseResult = CreateRoot().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var verb = parseResult.CommandResult.Command is RootCommand ? "" : parseResult.CommandResult.Command.Name;
        if (parseResult.Errors.Count == 0)
        {
            // check stops on SIGINT/SIGTERM itself, to write what finished; the other verbs end at once, as usual.
            configuration.ProcessTerminationTimeout = null;
            configuration.EnableDefaultExceptionHandler = false;
            try
            {
                return await parseResult.InvokeAsync(configuration, cancellationToken);
            }
            catch (Exception error)
            {
                await configuration.Error.WriteLineAsync(InternalError.Describe(verb, error));
                return InternalError.ExitCode;
            }
        }

        foreach (var line in UsageErrors.Describe(parseResult, args))
        {
            await configuration.Error.WriteLineAsync($"kayako-harness: {line}");
        }

        await configuration.Error.WriteLineAsync($"Run 'kayako-harness {(verb.Length == 0 ? "" : verb + " ")}--help' for the options.");
        return UsageError;
    }
}
