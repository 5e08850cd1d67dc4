using Kayako.Harness.Configuration;
using Kayako.Harness.Messenger;

namespace Kayako.Harness.Checking;

/// <summary>
/// How far a site's run has got, kept up to date as it plays, so a run stopped at the site's budget can still
/// report what it found and say what was pending.
/// </summary>
internal sealed class SiteProgress
{
    private readonly Lock _gate = new();
    private readonly List<StepResult> _steps = [];
    private string _activity = "starting a browser context";

    /// <summary>The session's call log once the stub is installed.</summary>
    public CallLog? Log { get; set; }

    /// <summary>The token scanner once attached.</summary>
    public TokenExposureScanner? Scanner { get; set; }

    /// <summary>Whether the site's page has opened (its load finished or timed out and the steps may start).</summary>
    public bool Opened { get; set; }

    /// <summary>The step being played, if any.</summary>
    public SiteStep? Current { get; private set; }

    /// <summary>What the run is waiting on now, in words.</summary>
    public string Activity
    {
        get
        {
            lock (_gate)
            {
                return _activity;
            }
        }
    }

    /// <summary>The steps played so far.</summary>
    public IReadOnlyList<StepResult> Steps
    {
        get
        {
            lock (_gate)
            {
                return [.. _steps];
            }
        }
    }

    public void Doing(string activity, SiteStep? step = null)
    {
        lock (_gate)
        {
            _activity = activity;
            Current = step;
        }
    }

    public void Played(StepResult result)
    {
        lock (_gate)
        {
            _steps.Add(result);
            Current = null;
        }
    }
}
