using Kayako.Harness.Signing.Diagnosis;
using Shouldly;

namespace Kayako.Harness.Tests.Signing.Diagnosis;

public sealed class UnicodeFormsTests
{
    // Expected forms are Node's: "Zoë Ångström".normalize('NFD') and back, "Ngô Bảo Châu" (stacked marks).
    [TestCase("Zo\u00EB \u00C5ngstr\u00F6m", "Zoe\u0308 A\u030Angstro\u0308m")]
    [TestCase("Ng\u00F4 B\u1EA3o Ch\u00E2u", "Ngo\u0302 Ba\u0309o Cha\u0302u")]
    [TestCase("\u1EC7", "e\u0323\u0302")]
    [TestCase("plain ascii", "plain ascii")]
    public void Decomposes_and_recomposes_like_node(string composed, string decomposed)
    {
        UnicodeForms.ToNfd(composed).ShouldBe(decomposed);
        UnicodeForms.ToNfc(decomposed).ShouldBe(composed);
    }
}
