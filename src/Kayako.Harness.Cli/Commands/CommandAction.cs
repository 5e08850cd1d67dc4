using System.CommandLine;
using Kayako.Harness.Signing;

namespace Kayako.Harness.Cli.Commands;

/// <summary>
/// Runs a command's body and turns bad input into one clear line on stderr and exit code 2, never a stack trace.
/// </summary>
internal static class CommandAction
{
    /// <summary>The exit code for bad input or usage.</summary>
    public const int BadInput = 2;

    public static async Task<int> RunAsync(ParseResult parseResult, string verb, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception error) when (error is BadInputException or EmptyTokenException)
        {
            // EmptyTokenException is an ArgumentException, whose Message appends " (Parameter 'token')": not for users.
            var message = error is ArgumentException { ParamName: { } parameter }
                ? error.Message.Replace($" (Parameter '{parameter}')", "", StringComparison.Ordinal)
                : error.Message;
            await parseResult.InvocationConfiguration.Error.WriteLineAsync($"kayako-harness {verb}: {message}");
            return BadInput;
        }
    }
}
