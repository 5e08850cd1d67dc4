using System.CommandLine;
using Kayako.Harness.Signing;

namespace Kayako.Harness.Cli.Commands;

/// <summary>
/// <c>verify</c>: says whether a signature is the one Kayako expects for the inputs, and why not.
/// Exit 0 valid; 1 invalid; 2 bad input.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var arguments = new SignatureArguments();
        var signatureOption = new Option<string>("--signature") { HelpName = "SIGNATURE", Description = "The signature passed to kayako.identify." };
        var command = new Command("verify", "Checks a signature against name, email, token and timestamp the way Kayako does, and says why it is wrong.");
        arguments.AddTo(command);
        command.Options.Add(signatureOption);

        CommandAction.Set(command, async (parseResult, cancellationToken) =>
        {
            var signature = parseResult.GetValue(signatureOption) switch
            {
                null => throw new BadInputException("--signature is missing; give the signature the page passed to kayako.identify."),
                "" => throw new BadInputException("--signature is empty; give the signature the page passed to kayako.identify."),
                var value => value,
            };
            var input = arguments.Read(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            if (MessengerSignature.Verify(input.Name, input.Email, input.Token, input.Timestamp, signature))
            {
                await output.WriteLineAsync("valid: the signature matches the name, email, token and timestamp.");
                return ExitCode.Ok;
            }

            await output.WriteLineAsync($"invalid: {Why(signature, input.Sign())}");
            return ExitCode.Findings;
        });
        return command;
    }

    // The form in the words every command and rule uses (SignatureForm); then what the value says.
    private static string Why(string signature, string expected)
    {
        var form = SignatureForm.Of(signature);
        if (form.Problem is { } problem)
        {
            return signature.Trim().ToLowerInvariant() == expected
                ? $"{problem}. Its digest is the expected one: only the form is wrong."
                : $"{problem}. Run `kayako-harness diagnose` to find out what produced it.";
        }

        return $"the signature does not match these inputs (expected {expected}). The name, email, token or timestamp " +
               "signed differ from the ones given, or the message was built another way. Run `kayako-harness diagnose` to find the cause.";
    }
}
