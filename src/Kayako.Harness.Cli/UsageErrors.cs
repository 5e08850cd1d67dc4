using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Kayako.Harness.Cli.Commands;

namespace Kayako.Harness.Cli;

/// <summary>
/// Turns parse errors into lines for stderr without echoing what the user typed as a value: a token passed by
/// mistake (<c>sign --token abc…</c>, <c>--secret=abc…</c>, a stray argument) must not be printed, where it would
/// land in terminal scrollback and CI logs. Unknown options are named; their values and stray arguments are not.
/// </summary>
internal static class UsageErrors
{
    private static readonly string[] SecretWords = ["token", "secret", "key", "password"];

    /// <summary>One line per problem, each without any value the user gave.</summary>
    public static IEnumerable<string> Describe(ParseResult parseResult, IReadOnlyList<string> args)
    {
        var unmatched = parseResult.UnmatchedTokens;
        foreach (var error in parseResult.Errors.Where(e => !unmatched.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal))))
        {
            yield return Mask(error.Message, args);
        }

        var isRoot = parseResult.CommandResult.Command is RootCommand;
        var next = 0;
        string? optionAwaitingValue = null;
        for (var i = 0; i < args.Count && next < unmatched.Count; i++)
        {
            if (args[i] != unmatched[next])
            {
                optionAwaitingValue = null;
                continue;
            }

            next++;
            var argument = args[i];
            if (argument.StartsWith('-') && argument.Length > 1)
            {
                var name = argument.Split('=', 2)[0];
                optionAwaitingValue = argument.Contains('=', StringComparison.Ordinal) ? null : name;
                yield return UnknownOption(name, hasValue: argument.Contains('=', StringComparison.Ordinal));
            }
            else if (isRoot && i == 0)
            {
                // The verb slot: a typo of a verb name, not a value.
                yield return $"'{argument}' is not a verb; the verbs are: {string.Join(", ", parseResult.RootCommandResult.Command.Subcommands.Select(c => c.Name))}.";
            }
            else if (optionAwaitingValue is { } option)
            {
                optionAwaitingValue = null;
                yield return $"the value after {option} is not used either (it is not shown here).";
            }
            else
            {
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"argument {i + 1} is not expected here (it is not shown, in case it is a secret); see the options with --help.");
            }
        }
    }

    /// <summary>
    /// Whether every problem is a value a typed option refused (<see cref="ValueOption{T}"/>), whose message already
    /// says how to fix it; otherwise (an unknown option, a missing value) the user is pointed to <c>--help</c>.
    /// </summary>
    public static bool SayHowToFix(ParseResult parseResult) =>
        parseResult.UnmatchedTokens.Count == 0
        && parseResult.Errors.All(error => error.SymbolResult is OptionResult { Option: IValueOption, Tokens.Count: 1 });

    private static string UnknownOption(string name, bool hasValue)
    {
        var value = hasValue ? " (its value is not shown)" : "";
        return SecretWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase))
            ? $"{name} is not an option{value}: the messenger token is never taken as an argument, where other users can see it in the " +
              "process list and the shell keeps it in its history. Use --token-env VARIABLE (an environment variable that holds it) " +
              "or --token-file FILE. If you typed the real token, consider rotating it."
            : $"{name} is not an option{value}.";
    }

    // Other parse errors quote a value only when it did not fit its option (a word for a flag); never show it.
    private static string Mask(string message, IReadOnlyList<string> args)
    {
        foreach (var argument in args.Where(a => a.Length > 0 && !a.StartsWith('-')))
        {
            message = message.Replace($"'{argument}'", "(a value not shown here)", StringComparison.Ordinal);
        }

        return message;
    }
}
