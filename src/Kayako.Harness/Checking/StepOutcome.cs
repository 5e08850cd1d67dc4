namespace Kayako.Harness.Checking;

/// <summary>How playing a step went.</summary>
public enum StepOutcome
{
    /// <summary>The action ran (an expect step always "runs"; rules judge what it saw).</summary>
    Passed,

    /// <summary>The action could not run: nothing matched its selector, or it timed out.</summary>
    Failed,

    /// <summary>Not played, because the site could not be opened.</summary>
    NotRun,
}
