using System.Diagnostics;

namespace Kayako.Harness.Tests.Cli;

/// <summary>
/// Runs the built <c>kayako-harness</c> as its own process, for what only a real process has: standard input as
/// bytes (<c>-</c>), and what reaches the terminal when nothing in-process catches it.
/// </summary>
internal static class CliProcess
{
    public static async Task<CliRun> RunAsync(byte[] standardInput, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "kayako-harness.dll"), .. args])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.BaseStream.WriteAsync(standardInput);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return new CliRun(process.ExitCode, await output, await error);
    }
}
