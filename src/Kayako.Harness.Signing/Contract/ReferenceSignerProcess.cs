using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Kayako.Harness.Signing.Contract;

/// <summary>
/// Signs a whole batch with one interpreter process: every input goes to its stdin as a JSON line while its
/// stdout is read concurrently (so neither side blocks on a full pipe), one signature line per input, in order.
/// </summary>
internal static class ReferenceSignerProcess
{
    private const int LinesPerWrite = 256;
    private const string Prefix = "{\"signature\":\"";
    private const string Suffix = "\"}";

    /// <summary>Signs <paramref name="inputs"/> with <paramref name="signer"/>.</summary>
    /// <param name="signer">PHP or Node.</param>
    /// <param name="executable">The interpreter to run, a name on PATH or a path; <see langword="null"/> for the default.</param>
    /// <param name="inputs">What to sign.</param>
    /// <param name="cancellationToken">Stops the batch and kills the interpreter.</param>
    /// <returns>One signature per input, in order.</returns>
    /// <exception cref="ReferenceSignerNotFoundException">The interpreter is not installed.</exception>
    /// <exception cref="ReferenceSignerFailedException">The interpreter failed or answered the wrong number of lines.</exception>
    public static async Task<IReadOnlyList<string>> SignAsync(
        ReferenceSigner signer, string? executable, IReadOnlyList<SignatureInput> inputs, CancellationToken cancellationToken)
    {
        if (inputs.Count == 0)
        {
            return [];
        }

        executable ??= signer.DefaultExecutable;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(ReferenceScripts.PathFor(signer));

        using var process = StartOrExplain(signer, executable, start);
        await using var kill = cancellationToken.Register(() => KillQuietly(process));

        var writing = WriteInputsAsync(process, inputs, cancellationToken);
        var reading = ReadSignaturesAsync(process, inputs.Count, cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await Task.WhenAll(writing, reading, errors);
        await process.WaitForExitAsync(cancellationToken);

        var signatures = await reading;
        var stderr = (await errors).Trim();
        if (process.ExitCode != 0 || signatures.Count != inputs.Count)
        {
            throw new ReferenceSignerFailedException(
                $"The {signer.Name} reference signer ({executable} {signer.Script}) exited with code {process.ExitCode} after " +
                $"{signatures.Count} of {inputs.Count} signatures" + (stderr.Length > 0 ? $": {stderr}" : "."));
        }

        return signatures;
    }

    private static Process StartOrExplain(ReferenceSigner signer, string executable, ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start)
                ?? throw new ReferenceSignerNotFoundException($"{signer.Name} ('{executable}') could not be started. Install it with: {signer.InstallCommand}");
        }
        catch (Win32Exception error)
        {
            throw new ReferenceSignerNotFoundException(
                $"{signer.Name} is needed to check signatures against Kayako's {signer.Name} example, but '{executable}' " +
                $"could not be started ({error.Message}). Install it with: {signer.InstallCommand}", error);
        }
    }

    private static async Task WriteInputsAsync(Process process, IReadOnlyList<SignatureInput> inputs, CancellationToken cancellationToken)
    {
        var stdin = process.StandardInput;
        var batch = new StringBuilder();
        try
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                SignerInputLine.Append(batch, inputs[i]);
                if ((i + 1) % LinesPerWrite == 0 || i == inputs.Count - 1)
                {
                    await stdin.WriteAsync(batch, cancellationToken);
                    batch.Clear();
                }
            }

            await stdin.FlushAsync(cancellationToken);
        }
        catch (IOException)
        {
            // The interpreter stopped reading (it exited on an error); its exit code and stderr tell why.
        }
        finally
        {
            try
            {
                stdin.Close();
            }
            catch (IOException)
            {
                // Closing flushes; the pipe may already be gone for the same reason as above.
            }
        }
    }

    private static async Task<List<string>> ReadSignaturesAsync(Process process, int expected, CancellationToken cancellationToken)
    {
        var signatures = new List<string>(expected);
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (!line.StartsWith(Prefix, StringComparison.Ordinal) || !line.EndsWith(Suffix, StringComparison.Ordinal))
            {
                throw new ReferenceSignerFailedException(
                    $"A reference signer answered line {signatures.Count + 1} with something other than {{\"signature\":\"…\"}}: {Shorten(line)}");
            }

            signatures.Add(line[Prefix.Length..^Suffix.Length]);
        }

        return signatures;
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 120), "…");

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
    }
}
