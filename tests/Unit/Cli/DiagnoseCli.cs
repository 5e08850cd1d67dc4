namespace Kayako.Harness.Tests.Cli;

/// <summary>Runs <c>kayako-harness diagnose</c> in-process and captures what it writes.</summary>
internal static class DiagnoseCli
{
    public static Task<CliRun> RunAsync(params string[] args) => CliRun.RunAsync(["diagnose", .. args]);

    /// <summary>Writes <paramref name="content"/> to a fresh temporary file, deleted with the returned handle.</summary>
    public static TemporaryFile Write(string content) => new(System.Text.Encoding.UTF8.GetBytes(content));

    /// <summary>Writes <paramref name="content"/> as is (for bytes that are not UTF-8).</summary>
    public static TemporaryFile Write(byte[] content) => new(content);

    public sealed class TemporaryFile : IDisposable
    {
        public TemporaryFile(byte[] content)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"diagnose-{Guid.NewGuid():N}.json");
            File.WriteAllBytes(Path, content);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
