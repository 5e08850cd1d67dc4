using System.CommandLine;
using Kayako.Harness.Signing;

namespace Kayako.Harness.Cli.Commands;

/// <summary>The options that describe one signature input on the command line, shared by sign and verify.</summary>
internal sealed class SignatureArguments
{
    public Option<string> Name { get; } = new("--name") { HelpName = "NAME", Description = "The user's name, exactly as passed to kayako.identify." };

    public Option<string> Email { get; } = new("--email") { HelpName = "EMAIL", Description = "The user's email, exactly as passed to kayako.identify." };

    public ValueOption<long?> Timestamp { get; } = new("--timestamp", "SECONDS",
        "The Unix time in seconds passed to kayako.identify, as an integer (e.g. 1700000000).",
        OptionValues.Int64(), "an integer", "give Unix seconds as plain digits, e.g. --timestamp 1700000000");

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
    /// <exception cref="BadInputException">An option is missing or empty.</exception>
    public SignatureInput Read(ParseResult parseResult)
    {
        var name = Required(parseResult, Name, "the user's name");
        var email = Required(parseResult, Email, "the user's email");
        var timestamp = parseResult.GetValue(Timestamp)
            ?? throw new BadInputException($"{Timestamp.Name} is missing; give Unix seconds, e.g. {Timestamp.Name} 1700000000.");
        var token = Token.Read(parseResult);
        return new SignatureInput(name, email, token, timestamp);
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

    private static string Example(string option) => option == "--name" ? "\"Ann Smith\"" : "ann@example.com";
}
