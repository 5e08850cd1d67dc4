using System.CommandLine;
using Kayako.Harness.Cli.Commands;
using Kayako.Harness.Signing;

namespace Kayako.Harness.Cli;

/// <summary>
/// The <c>kayako-harness</c> command line: its verbs, and the one place a run turns into an exit code. Verbs return
/// an <see cref="ExitCode"/> for what they found and throw a <see cref="HarnessException"/> for what stopped them;
/// every verb's failures are printed here, the same way: <c>kayako-harness VERB: message</c>.
/// </summary>
internal static class HarnessCommandLine
{
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
    /// Parses and runs <paramref name="args"/>. Parse errors exit <see cref="ExitCode.Usage"/>, not System.CommandLine's
    /// default 1, which the verbs use for "found a problem", and never echo a value the user typed that may be a token.
    /// A <see cref="HarnessException"/> is its message and the exit code of its category; any other failure is one
    /// line and <see cref="ExitCode.InternalError"/>, never a stack trace.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, InvocationConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // "@file" arguments are values here ("--name @ann"), not response files to expand.
        var parseResult = CreateRoot().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var verb = parseResult.CommandResult.Command is RootCommand ? "" : parseResult.CommandResult.Command.Name;
        var prefix = verb.Length == 0 ? "kayako-harness" : $"kayako-harness {verb}";
        if (parseResult.Errors.Count > 0)
        {
            foreach (var line in UsageErrors.Describe(parseResult, args))
            {
                await configuration.Error.WriteLineAsync($"{prefix}: {line}");
            }

            if (!UsageErrors.SayHowToFix(parseResult))
            {
                await configuration.Error.WriteLineAsync($"Run '{prefix} --help' for the options.");
            }

            return (int)ExitCode.Usage;
        }

        // check stops on SIGINT/SIGTERM itself, to write what finished; the other verbs end at once, as usual.
        configuration.ProcessTerminationTimeout = null;
        configuration.EnableDefaultExceptionHandler = false;
        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken);
        }
        catch (HarnessException failure)
        {
            await configuration.Error.WriteLineAsync($"{prefix}: {failure.Message}");
            return (int)ExitCodeOf(failure.Category);
        }
        catch (Exception error)
        {
            await configuration.Error.WriteLineAsync(InternalError.Describe(verb, error));
            return (int)ExitCode.InternalError;
        }
    }

    /// <summary>The exit code of a failure of <paramref name="category"/>: the only place one becomes the other.</summary>
    internal static ExitCode ExitCodeOf(HarnessErrorCategory category) => category switch
    {
        HarnessErrorCategory.BadInput => ExitCode.Usage,
        HarnessErrorCategory.Environment => ExitCode.Environment,
        HarnessErrorCategory.Finding => ExitCode.Findings,
        _ => ExitCode.InternalError,
    };
}
