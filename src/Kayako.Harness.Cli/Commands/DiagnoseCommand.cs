using System.CommandLine;
using Kayako.Harness.Signing.Diagnosis;

namespace Kayako.Harness.Cli.Commands;

/// <summary>
/// <c>diagnose FILE|- [--json] [--reproduce]</c>: explains why a signature is wrong. Exit 0 when every report is
/// valid, 1 when a cause was found or nothing matched, 2 on bad input (one line per problem, naming line and field;
/// the other reports are still diagnosed).
/// </summary>
internal static class DiagnoseCommand
{
    /// <summary>The most input one run reads: thousands of reports, far less than a wrong path can hold (<c>/dev/zero</c>).</summary>
    public const int MaxInputBytes = 16 * 1024 * 1024;

    public static Command Create()
    {
        var input = new Argument<string>("input")
        {
            Description = "A JSON report {\"name\",\"email\",\"token\",\"timestamp\",\"signature\"}, a file of JSON lines of them, or - for standard input.",
        };
        var json = new Option<bool>("--json") { Description = "Write one JSON object per report (JSON lines), never the token." };
        var reproduce = new Option<bool>("--reproduce")
        {
            Description = "Also print php -r and node -e one-liners that recompute the expected and the observed signature (they read KAYAKO_MESSENGER_TOKEN).",
        };
        var command = new Command("diagnose", "Explains a wrong identity signature: valid, or which mistake produced exactly this signature, and the fix.")
        {
            input, json, reproduce,
        };
        CommandAction.Set(command, (parseResult, cancellationToken) => RunAsync(
            parseResult.GetRequiredValue(input), parseResult.GetValue(json), parseResult.GetValue(reproduce),
            parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    /// <exception cref="BadInputException">The input cannot be read (exit 2); a report that is bad is named, and the others diagnosed.</exception>
    private static async Task<ExitCode> RunAsync(string path, bool json, bool reproduce, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var text = Read(path);
        var exit = ExitCode.Ok;
        var first = true;
        foreach (var entry in SignatureReportJson.ReadAll(text))
        {
            if (entry.Report is not { } report)
            {
                await error.WriteLineAsync($"kayako-harness diagnose: {entry.Error}");
                exit = ExitCode.Usage;
                continue;
            }

            if (!json && !first)
            {
                await output.WriteLineAsync();
            }

            first = false;
            var verdict = SignatureDiagnosis.Diagnose(report);
            verdict = verdict with { Notes = [.. entry.Notes, .. verdict.Notes] };
            var lines = json ? [DiagnoseOutput.JsonLine(entry.Line, report, verdict, reproduce)] : DiagnoseOutput.Text(entry.Line, report, verdict, reproduce);
            // The verdict is token-free by construction (SignatureVerdict): redacting whole lines again would mask a
            // short token's characters in the fixes, the expected signature and the one-liners.
            foreach (var line in lines)
            {
                await output.WriteLineAsync(line);
            }

            exit = exit == ExitCode.Ok && !verdict.Valid ? ExitCode.Findings : exit;
        }

        return exit;
    }

    // The whole input, bounded, and strictly UTF-8: a byte that is not would otherwise be diagnosed as U+FFFD.
    private static string Read(string path) =>
        InputFile.ReadText(path, path == "-" ? "standard input" : $"'{path}'", MaxInputBytes, "split the reports into smaller files.");
}
