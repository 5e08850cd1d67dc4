using Kayako.Harness.Tests.Cli;

namespace Kayako.Harness.Tests.Checking;

/// <summary>Runs <c>kayako-harness check</c> in-process and captures what it writes.</summary>
internal static class CheckCli
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var run = await CliRun.RunAsync(["check", .. args]);
        return (run.ExitCode, run.Output, run.Error);
    }

    /// <summary>A configuration file in a fresh temporary folder.</summary>
    public static string WriteConfig(string json)
    {
        var folder = Directory.CreateTempSubdirectory("check-cli-").FullName;
        var path = Path.Combine(folder, "playwright.config.json");
        File.WriteAllText(path, json);
        return path;
    }
}
