using Kayako.Harness.Signing;
using System.CommandLine;
using Kayako.Harness.Checking;

namespace Kayako.Harness.Cli.Commands;

/// <summary>
/// Where a command reads the messenger token: an environment variable (<c>--token-env</c>) or a file
/// (<c>--token-file</c>), never a command-line argument, which other users can see in the process list. A token
/// file may end with one line break (as editors and <c>echo</c> write it); that one is not part of the token.
/// </summary>
internal sealed class TokenSource
{
    /// <summary>The most a token file may hold: far more than any token, far less than a wrong path can (<c>/dev/zero</c>).</summary>
    public const int MaxFileBytes = 64 * 1024;

    private const string Example = "KAYAKO_MESSENGER_TOKEN";

    public Option<string> EnvironmentVariable { get; } = new("--token-env")
    {
        HelpName = "VARIABLE",
        Description = "The environment variable that holds the messenger token (e.g. KAYAKO_MESSENGER_TOKEN).",
    };

    public ValueOption<FileInfo?> File { get; } = new("--token-file", "FILE",
        "A file that holds the messenger token; one trailing line break is ignored.",
        OptionValues.File(), "a file", "give the path of the file that holds the token");

    public void AddTo(Command command)
    {
        command.Options.Add(EnvironmentVariable);
        command.Options.Add(File);
    }

    /// <summary>Reads the token. Errors never contain it.</summary>
    /// <exception cref="BadInputException">Neither or both sources given, the variable unset, the file unreadable.</exception>
    public string Read(ParseResult parseResult)
    {
        var variable = parseResult.GetValue(EnvironmentVariable);
        var path = parseResult.GetValue(File)?.ToString();
        if (variable is not null && path is not null)
        {
            throw new BadInputException("give the token with --token-env or --token-file, not both.");
        }

        if (variable is not null)
        {
            return FromEnvironment(variable);
        }

        if (path is not null)
        {
            return FromFile(path);
        }

        throw new BadInputException(
            "no token: pass --token-env VARIABLE (e.g. --token-env KAYAKO_MESSENGER_TOKEN) or --token-file FILE. " +
            "The token is never accepted as an argument, where other users could see it.");
    }

    private static string FromEnvironment(string variable)
    {
        if (variable.Length == 0)
        {
            throw new BadInputException("--token-env is empty; give the name of the environment variable that holds the token.");
        }

        if (Environment.GetEnvironmentVariable(variable) is { } token)
        {
            return token;
        }

        throw new BadInputException(TokenLikeName.LooksLikeToken(variable)
            ? "--token-env names no set variable, and its value looks like a token, not a variable name (so it is not shown). " +
              $"Put the token in a variable and pass the variable's name: export {Example}=<your messenger token>, then --token-env {Example}. " +
              "If you typed the real token, consider rotating it: your shell keeps it in its history."
            : $"the environment variable {variable} (from --token-env) is not set; export {variable}=<your messenger token> or use --token-file FILE.");
    }

    private static string FromFile(string path)
    {
        if (!System.IO.File.Exists(path) && !Directory.Exists(path) && !path.Contains('/', StringComparison.Ordinal) && path.Length >= 16 && TokenLikeName.LooksLikeToken(path))
        {
            throw new BadInputException(
                "--token-file names no file, and its value looks like a token, not a file name (so it is not shown). " +
                "Write the token to a file and pass its path: --token-file FILE. If you typed the real token, consider rotating it: your shell keeps it in its history.");
        }

        var text = InputFile.ReadText(path, $"the token file '{path}' (from --token-file)", MaxFileBytes,
            "a messenger token is one short line. Check that --token-file names the file that holds only the token.");
        return text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2]
            : text.EndsWith('\n') ? text[..^1]
            : text;
    }
}
