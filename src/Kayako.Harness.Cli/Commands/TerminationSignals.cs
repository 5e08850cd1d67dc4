using System.Runtime.InteropServices;

namespace Kayako.Harness.Cli.Commands;

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM (a CI job cancelled) during <c>check</c>: the first one cancels <see cref="Token"/>, so
/// the run stops and writes what finished, and the process exits with the shell's code for the signal (130, 143). A
/// second signal is not intercepted: it ends the process at once, for a user who does not want to wait.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource source;
    private readonly PosixSignalRegistration interrupt;
    private readonly PosixSignalRegistration terminate;
    private int received;

    public TerminationSignals(CancellationToken cancellationToken)
    {
        source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    /// <summary>Cancelled by the first signal (or by the token given).</summary>
    public CancellationToken Token => source.Token;

    /// <summary>The first signal received, or <see langword="null"/>.</summary>
    public PosixSignal? Received { get; private set; }

    /// <summary>The signal's name as users know it: <c>SIGINT</c>, <c>SIGTERM</c>.</summary>
    public string? ReceivedName => Received switch
    {
        PosixSignal.SIGINT => "SIGINT",
        PosixSignal.SIGTERM => "SIGTERM",
        _ => null,
    };

    /// <summary>The exit code a shell gives a process the signal ended: 128 + its number.</summary>
    public ExitCode ExitCode => Received == PosixSignal.SIGINT ? ExitCode.Interrupted : ExitCode.Terminated;

    public void Dispose()
    {
        interrupt.Dispose();
        terminate.Dispose();
        source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Exchange(ref received, 1) == 1)
        {
            return; // the second signal: the default action ends the process
        }

        context.Cancel = true;
        Received = context.Signal;
        source.Cancel();
    }
}
