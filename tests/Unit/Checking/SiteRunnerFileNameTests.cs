using Kayako.Harness.Checking;
using Shouldly;

namespace Kayako.Harness.Tests.Checking;

public sealed class SiteRunnerFileNameTests
{
    [Test]
    public void Site_names_that_clean_up_alike_get_distinct_stable_file_names()
    {
        string[] names = ["a/b", "a_b", "a b", "a\\b", "é", "ü", "a.b"];

        var files = names.Select(SiteRunner.FileName).ToList();

        files.ShouldBeUnique();
        files.ShouldAllBe(f => f.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_' || c == '.'));
        names.Select(SiteRunner.FileName).ShouldBe(files, "the same name gives the same file in every run");
    }

    [Test]
    public void A_very_long_site_name_still_fits_a_file_name()
    {
        SiteRunner.FileName(new string('x', 5000)).Length.ShouldBeLessThan(100);
    }
}
