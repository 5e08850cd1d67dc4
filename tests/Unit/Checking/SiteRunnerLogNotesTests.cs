using Kayako.Harness.Checking;
using Kayako.Harness.Messenger;
using Shouldly;

namespace Kayako.Harness.Tests.Checking;

public sealed class SiteRunnerLogNotesTests
{
    [Test]
    public void A_log_the_harness_read_in_full_has_nothing_to_note()
    {
        SiteRunner.LogNotes(new HandMadeCallLog().Loads().Call("maximize").Entries).ShouldBeEmpty();
    }

    [Test]
    public void Messages_the_harness_could_not_read_are_one_note_naming_the_first_problem_not_a_finding()
    {
        var log = new HandMadeCallLog().Loads()
            .Add(new UnrecognizedMessage("unknown kind 'Cal'", """{"kind":"Cal"}""") { PageUrl = HandMadeCallLog.Page })
            .Add(new UnrecognizedMessage("a Call needs the field \"method\" as a string", """{"kind":"Call"}""") { PageUrl = HandMadeCallLog.Page });

        var note = SiteRunner.LogNotes(log.Entries).ShouldHaveSingleItem();

        note.ShouldContain("could not read 2 messages");
        note.ShouldContain("unknown kind 'Cal'");
        note.ShouldContain("bug in Kayako.Harness");
        Kayako.Harness.Checking.Rules.RuleCatalog.Evaluate(log.Context()).ShouldBeEmpty();
    }
}
