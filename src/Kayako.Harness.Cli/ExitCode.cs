using Kayako.Harness.Signing;

namespace Kayako.Harness.Cli;

/// <summary>
/// Every exit code of <c>kayako-harness</c>, the one map every verb returns from (README, "Exit codes"). A failure
/// the user can act on is a <see cref="HarnessException"/>, whose category picks the code (<see cref="HarnessCommandLine"/>, the one handler);
/// anything else is a bug (<see cref="InternalError"/>).
/// </summary>
internal enum ExitCode
{
    /// <summary>Done, and nothing wrong found: no errors (warnings allowed), a valid signature, all signers agree.</summary>
    Ok = 0,

    /// <summary>Done, and something wrong found: errors on a site, an invalid signature, a disagreement.</summary>
    Findings = 1,

    /// <summary>A usage mistake or bad input (an option, a file, the configuration): nothing was checked.</summary>
    Usage = 2,

    /// <summary>The machine lacks a program the verb needs (Chromium, PHP, Node, the .NET SDK); the message says how to install it.</summary>
    Environment = 3,

    /// <summary>A bug in kayako-harness: one line naming it, never a stack trace.</summary>
    InternalError = 4,

    /// <summary>The launcher (<c>./kayako-harness</c>) could not build the command; the command itself never returns it.</summary>
    BuildFailed = 5,

    /// <summary>Stopped by SIGINT (Ctrl+C): 128 + 2, as a shell reports it.</summary>
    Interrupted = 130,

    /// <summary>Stopped by SIGTERM (a cancelled CI job): 128 + 15, as a shell reports it.</summary>
    Terminated = 143,
}
