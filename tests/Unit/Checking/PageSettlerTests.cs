using Kayako.Harness.Checking;
using Kayako.Harness.Messenger;
using Shouldly;

namespace Kayako.Harness.Tests.Checking;

/// <summary>When the settler still waits for the messenger: a forget whose outcome (its callback, or the page leaving) is not in the log yet.</summary>
public sealed class PageSettlerTests
{
    [Test]
    public void A_forget_whose_request_is_not_logged_yet_is_pending()
    {
        var log = new HandMadeCallLog().Loads().Call("forget", "[{\"$type\":\"function\"}]");

        PageSettler.Pending(log.Entries).ShouldBeTrue();
    }

    [Test]
    public void A_single_page_route_after_forget_does_not_resolve_it()
    {
        // spa-no-wait: forget, then history.pushState at once; the document stays, so forget's callback is still to come.
        var log = new HandMadeCallLog().Loads().Call("forget", "[{\"$type\":\"function\"}]").Navigate(HandMadeCallLog.Page + "/signed-out");

        PageSettler.Pending(log.Entries).ShouldBeTrue();
    }

    [Test]
    public void Forget_is_resolved_by_its_callback_after_a_route()
    {
        var log = new HandMadeCallLog().Loads().Call("forget", "[{\"$type\":\"function\"}]").Navigate(HandMadeCallLog.Page + "/signed-out")
            .Request("forget").Response("forget").ForgetCallback(HandMadeCallLog.Page + "/signed-out");

        PageSettler.Pending(log.Entries).ShouldBeFalse();
    }

    [Test]
    public void Forget_is_resolved_by_the_page_leaving()
    {
        var log = new HandMadeCallLog().Loads().Call("forget", "[{\"$type\":\"function\"}]").Leaving().Navigate("https://staging.example.com/logout");

        PageSettler.Pending(log.Entries).ShouldBeFalse();
    }

    [Test]
    public void Forget_is_resolved_by_a_new_document()
    {
        var log = new HandMadeCallLog().Loads().Call("forget", "[{\"$type\":\"function\"}]")
            .Add(new DocumentStarted { PageUrl = "https://staging.example.com/logout" });

        PageSettler.Pending(log.Entries).ShouldBeFalse();
    }

    [Test]
    public void An_unanswered_forget_request_is_pending()
    {
        var log = new HandMadeCallLog().Loads().Call("forget").Request("forget");

        PageSettler.Pending(log.Entries).ShouldBeTrue();
    }
}
