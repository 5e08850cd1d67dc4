using System.CommandLine;

namespace Kayako.Harness.Cli.Commands;

/// <summary>
/// Gives a verb its action. The action returns an <see cref="ExitCode"/> for what it found; what stops it is a
/// <see cref="Signing.HarnessException"/>, which it lets through to <see cref="HarnessCommandLine"/>, the one handler.
/// </summary>
internal static class CommandAction
{
    public static void Set(Command command, Func<ParseResult, CancellationToken, Task<ExitCode>> action) =>
        command.SetAction(async (parseResult, cancellationToken) => (int)await action(parseResult, cancellationToken));
}
