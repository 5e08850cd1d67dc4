namespace Kayako.Harness.Cli;

/// <summary>
/// The last resort for a failure no command anticipated (<see cref="ExitCode.InternalError"/>): one line that says it
/// is a bug and where, never a stack trace, and never the exception's message, which can quote input (and input can
/// hold the token). Setting <c>KAYAKO_HARNESS_DEBUG=1</c> prints the whole exception for a bug report.
/// </summary>
internal static class InternalError
{
    /// <summary>The variable that asks for the whole exception.</summary>
    public const string DebugVariable = "KAYAKO_HARNESS_DEBUG";

    public static string Describe(string verb, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var command = verb.Length == 0 ? "kayako-harness" : $"kayako-harness {verb}";
        if (Environment.GetEnvironmentVariable(DebugVariable) is "1")
        {
            return $"{command}: internal error: {error}";
        }

        var where = error.TargetSite is { DeclaringType: { } type } method ? $" in {type.FullName}.{method.Name}" : "";
        return $"{command}: internal error: {error.GetType().FullName}{where}. This is a bug in kayako-harness; " +
               $"please report it with the command you ran (not your token). {DebugVariable}=1 prints the details, which may include your input.";
    }
}
