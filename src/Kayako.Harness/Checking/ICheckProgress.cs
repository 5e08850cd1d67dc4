namespace Kayako.Harness.Checking;

/// <summary>Hears about sites as they run, for progress output. Called from worker threads.</summary>
public interface ICheckProgress
{
    /// <summary>
    /// A site started. Does nothing unless implemented: the console prints a line per finished site only, but a
    /// caller timing sites, or naming the ones still running when a run overruns, needs the start.
    /// </summary>
    /// <param name="name">The site's name.</param>
    void SiteStarted(string name)
    {
    }

    /// <summary>A site finished.</summary>
    /// <param name="result">Its result.</param>
    void SiteFinished(SiteResult result);
}
