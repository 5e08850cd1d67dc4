using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Kayako.Harness.E2E.Tests.Checking;

/// <summary>
/// A demo backend (<c>php -S</c> or a Node server) started on port 0 with the token in its environment, as a real
/// deployment has it; ready once it announces the loopback address it listens on.
/// </summary>
public sealed partial class BackendProcess : IAsyncDisposable
{
    private readonly Process process;

    private BackendProcess(Process process, Uri origin)
    {
        this.process = process;
        Origin = origin;
    }

    /// <summary>Where the backend listens, like <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Origin { get; }

    /// <summary>Starts <paramref name="start"/> and waits for the address it announces; kills it if it never does.</summary>
    public static async Task<BackendProcess> StartAsync(ProcessStartInfo start, string token, CancellationToken cancellationToken = default)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["KAYAKO_MESSENGER_TOKEN"] = token;
        start.Environment["PORT"] = "0";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException(
                $"Could not start '{start.FileName}' for the demo sites: {missing.Message}. Install it (apt-get install -y php-cli; Node 20) and run the tests again.",
                missing);
        }

        var announced = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Listen(object? _, DataReceivedEventArgs line)
        {
            if (line.Data is { } text && Address().Match(text) is { Success: true } match)
            {
                announced.TrySetResult(new Uri(match.Value + "/"));
            }
        }

        process.OutputDataReceived += Listen;
        process.ErrorDataReceived += Listen;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.Exited += (_, _) => announced.TrySetException(new InvalidOperationException($"{start.FileName} exited with {process.ExitCode} before listening."));
        process.EnableRaisingEvents = true;
        try
        {
            return new BackendProcess(process, await announced.Task.WaitAsync(TimeSpan.FromSeconds(15), cancellationToken));
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Address();
}
