using System.CommandLine;
using System.Globalization;
using Kayako.Harness.Signing;

namespace Kayako.Harness.Cli.Commands;

/// <summary>The options that describe one signature input on the command line, shared by sign and verify.</summary>
internal sealed class SignatureArguments
{
    public Option<string> Name { get; } = new("--name") { HelpName = "NAME", Description = "The user's name, exactly as passed to kayako.identify." };

    public Option<string> Email { get; } = new("--email") { HelpName = "EMAIL", Description = "The user's email, exactly as passed to kayako.identify." };

    public Option<string> Timestamp { get; } = new("--timestamp")
    {
        HelpName = "SECONDS",
        Description = "The Unix time in seconds passed to kayako.identify, as an integer (e.g. 1700000000).",
    };

    public TokenSource Token { get; } = new();

    public void AddTo(Command command)
    {
        command.Options.Add(Name);
        command.Options.Add(Email);
        command.Options.Add(Timestamp);
        Token.AddTo(command);
    }

    /// <summary>Whether any of the single-input options was given (to reject mixing them with --jsonl).</summary>
    public bool AnyGiven(ParseResult parseResult) =>
        parseResult.GetResult(Name) is not null || parseResult.GetResult(Email) is not null || parseResult.GetResult(Timestamp) is not null
        || parseResult.GetResult(Token.EnvironmentVariable) is not null || parseResult.GetResult(Token.File) is not null;

    /// <summary>Reads and validates every option.</summary>
    /// <exception cref="BadInputException">An option is missing, empty or not an integer.</exception>
    public SignatureInput Read(ParseResult parseResult)
    {
        var name = Required(parseResult, Name, "the user's name");
        var email = Required(parseResult, Email, "the user's email");
        var timestampText = Required(parseResult, Timestamp, "Unix seconds, e.g. 1700000000");
        var timestamp = ParseTimestamp(timestampText);
        var token = Token.Read(parseResult);
        return new SignatureInput(name, email, token, timestamp);
    }

    /// <summary>Parses Unix seconds written as plain digits with an optional minus sign.</summary>
    /// <exception cref="BadInputException">The text is a fraction, an exponent, words, or beyond 64 bits.</exception>
    internal static long ParseTimestamp(string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var timestamp))
        {
            return timestamp;
        }

        throw new BadInputException(
            $"--timestamp \"{text}\" is not an integer; give Unix seconds as plain digits, e.g. --timestamp 1700000000.");
    }

    private static string Required(ParseResult parseResult, Option<string> option, string what)
    {
        var value = parseResult.GetValue(option);
        if (value is null)
        {
            throw new BadInputException($"{option.Name} is missing; give {what}, e.g. {option.Name} {Example(option.Name)}.");
        }

        if (value.Length == 0)
        {
            throw new BadInputException($"{option.Name} is empty; give {what}.");
        }

        return value;
    }

    private static string Example(string option) => option switch
    {
        "--name" => "\"Ann Smith\"",
        "--email" => "ann@example.com",
        _ => "1700000000",
    };
}
