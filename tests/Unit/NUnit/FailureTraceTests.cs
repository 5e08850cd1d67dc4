using Kayako.Harness.NUnit;
using Shouldly;

namespace Kayako.Harness.Tests.NUnit;

public sealed class FailureTraceTests
{
    [TestCase(null)]
    [TestCase("")]
    [TestCase("actions")]
    [TestCase(" actions ")]
    public void By_default_a_test_records_actions_without_dom_snapshots_or_screenshots(string? mode)
    {
        var options = FailureTrace.Options(mode, "Suite.Test").ShouldNotBeNull();

        options.Snapshots.ShouldBe(false);
        options.Screenshots.ShouldBe(false);
        options.Title.ShouldBe("Suite.Test");
    }

    [Test]
    public void Full_records_dom_snapshots_and_screenshots()
    {
        var options = FailureTrace.Options("full", "Suite.Test").ShouldNotBeNull();

        options.Snapshots.ShouldBe(true);
        options.Screenshots.ShouldBe(true);
    }

    [Test]
    public void Off_records_no_trace() => FailureTrace.Options("off", "Suite.Test").ShouldBeNull();

    [TestCase("on")]
    [TestCase("FULL")]
    [TestCase("retain-on-failure")]
    public void An_unknown_mode_is_refused_naming_the_variable_its_value_and_the_modes(string mode)
    {
        var error = Should.Throw<TestSettingsException>(() => FailureTrace.Options(mode, "Suite.Test"));

        error.Message.ShouldContain("KAYAKO_HARNESS_TRACE");
        error.Message.ShouldContain($"\"{mode}\"");
        error.Message.ShouldContain("actions, full, off");
    }
}
