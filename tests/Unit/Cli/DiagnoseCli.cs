using System.CommandLine;
using Kayako.Harness.Cli.Commands;

namespace Kayako.Harness.Tests.Cli;

/// <summary>Runs <c>kayako-harness diagnose</c> in-process and captures what it writes.</summary>
internal static class DiagnoseCli
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string All => Output + Error;
    }

    public static async Task<Result> RunAsync(params string[] args)
    {
        var root = new RootCommand("kayako-harness");
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await root.Parse(["diagnose", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, CancellationToken.None);
        return new Result(exit, output.ToString(), error.ToString());
    }

    /// <summary>Writes <paramref name="content"/> to a fresh temporary file, deleted with the returned handle.</summary>
    public static TemporaryFile Write(string content) => new(content);

    public sealed class TemporaryFile : IDisposable
    {
        public TemporaryFile(string content)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"diagnose-{Guid.NewGuid():N}.json");
            File.WriteAllText(Path, content);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
