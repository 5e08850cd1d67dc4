using System.CommandLine;

namespace Kayako.Harness.Cli.Commands;

/// <summary>
/// <c>sign</c>: prints the signature for one input given as options, or signs JSON lines with <c>--jsonl</c>.
/// Exit 0; 2 on bad input.
/// </summary>
internal static class SignCommand
{
    public static Command Create()
    {
        var arguments = new SignatureArguments();
        var jsonl = new Option<string>("--jsonl")
        {
            HelpName = "FILE|-",
            Description = "Sign JSON lines {\"name\",\"email\",\"token\",\"timestamp\"} from FILE (or - for stdin); prints one {\"signature\"} line per input, in order.",
        };
        var command = new Command("sign", "Prints the Kayako Messenger identity signature: hex(HMAC-SHA256(token, name + email + token + timestamp)).");
        arguments.AddTo(command);
        command.Options.Add(jsonl);

        CommandAction.Set(command, async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var source = parseResult.GetValue(jsonl);
            if (source is null)
            {
                var input = arguments.Read(parseResult);
                await output.WriteLineAsync(input.Sign());
                return ExitCode.Ok;
            }

            if (arguments.AnyGiven(parseResult))
            {
                throw new BadInputException("--jsonl reads name, email, token and timestamp from each line; drop --name, --email, --timestamp, --token-env and --token-file.");
            }

            await using var stream = Open(source);
            await JsonLinesSigner.SignAsync(stream, source == "-" ? "stdin" : $"'{source}'", output, cancellationToken);
            return ExitCode.Ok;
        });
        return command;
    }

    private static Stream Open(string source)
    {
        if (source.Length == 0)
        {
            throw new BadInputException("--jsonl is empty; give a file of JSON lines, or - to read them from stdin.");
        }

        if (source == "-")
        {
            return Console.OpenStandardInput();
        }

        try
        {
            return new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: false);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"cannot read the --jsonl file '{source}': {error.Message}", error);
        }
    }
}
