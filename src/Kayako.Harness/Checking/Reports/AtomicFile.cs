namespace Kayako.Harness.Checking.Reports;

/// <summary>
/// Writes a file whole or not at all: into a temporary file in the same folder, flushed to disk, then renamed over
/// the target. A reader (a CI server, a browser) never sees half a report, and a failed write (a full disk, an
/// exception in a writer) leaves the previous file as it was and no temporary file behind.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/>, creating its folder if needed.</summary>
    /// <param name="path">The file to write or replace.</param>
    /// <param name="write">Writes the whole content to the stream it is given.</param>
    /// <exception cref="IOException">The folder could not be created, or the file written or renamed.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var (full, temporary) = Place(path);
        try
        {
            using (var stream = Create(temporary))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/>, creating its folder if needed.</summary>
    /// <param name="path">The file to write or replace.</param>
    /// <param name="write">Writes the whole content to the stream it is given.</param>
    /// <param name="cancellationToken">Stops the write; the previous file, if any, stays as it was.</param>
    /// <exception cref="IOException">The folder could not be created, or the file written or renamed.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        var (full, temporary) = Place(path);
        try
        {
            await using (var stream = Create(temporary))
            {
                await write(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    // The file to replace, and a temporary file beside it to write first.
    private static (string Full, string Temporary) Place(string path)
    {
        var full = Path.GetFullPath(path);
        if (new FileInfo(full) is { LinkTarget: not null } link && link.ResolveLinkTarget(returnFinalTarget: true) is { } target)
        {
            // Replace the file a link points to, not the link.
            full = target.FullName;
        }

        var folder = Path.GetDirectoryName(full) ?? throw new IOException($"{full} is a root folder, not a file.");
        Directory.CreateDirectory(folder);

        // Hidden, beside the target (a rename only replaces atomically within one file system), and short enough
        // for any name the target itself can have.
        var name = Path.GetFileName(full);
        return (full, Path.Combine(folder, $".{name[..Math.Min(name.Length, 100)]}.{Guid.NewGuid().ToString("N")[..12]}.tmp"));
    }

    private static FileStream Create(string temporary) =>
        new(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // The write already failed; that error is the one to report.
        }
    }
}
