using System.CommandLine;
using Kayako.Harness.Cli.Commands;

namespace Kayako.Harness.Tests.Checking;

/// <summary>Runs <c>kayako-harness check</c> in-process and captures what it writes.</summary>
internal static class CheckCli
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand("kayako-harness");
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await root.Parse(["check", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
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
