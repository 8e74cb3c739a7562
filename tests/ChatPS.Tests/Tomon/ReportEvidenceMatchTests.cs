using ChatPS.Tomon;

namespace ChatPS.Tests.Tomon;

/// <summary>
/// A wildcard -EvidencePath that matched no file: the cmdlet hands the pattern and what PowerShell expanded it to, and
/// an empty expansion must stop the report rather than file it without the evidence the user named.
/// </summary>
[Trait("Category", "Unit")]
public class ReportEvidenceMatchTests
{
    [Fact]
    public void A_pattern_that_matched_nothing_is_NotFound_naming_the_pattern()
    {
        var ex = Assert.Throws<ReportEvidenceException>(() => ReportEvidence.RequireMatches("/shots/*.png", Array.Empty<string>()));
        Assert.Equal(EvidenceProblem.NotFound, ex.Problem);
        Assert.Equal("/shots/*.png", ex.Path);
        Assert.Contains("/shots/*.png", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_matches_are_passed_on_as_they_came()
    {
        var matches = new[] { "/shots/a.png", "/shots/b.png" };
        Assert.Same(matches, ReportEvidence.RequireMatches("/shots/*.png", matches));
    }
}
