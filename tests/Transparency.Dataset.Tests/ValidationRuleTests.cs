using Transparency.Dataset.Tests.Support;
using Transparency.Dataset.Validation;

namespace Transparency.Dataset.Tests;

/// <summary>Every rule has a failing fixture in Fixtures/broken/, placed into a copy of the valid tree.</summary>
public sealed class ValidationRuleTests
{
    public static TheoryData<string, string, string, int, int, string> Cases => new()
    {
        // fixture, where it goes, rule, line, column, field path
        { "yaml-syntax", "operations/yaml-syntax.yaml", "TD001", 3, 7, "" },
        { "comments-only", "operations/comments-only.yaml", "TD002", 1, 1, "" },
        { "anchor-and-alias", "operations/anchor-and-alias.yaml", "TD005", 7, 9, "" },
        { "anchor-and-alias", "operations/anchor-and-alias.yaml", "TD005", 14, 16, "" },
        { "duplicate-key", "operations/duplicate-key.yaml", "TD006", 4, 1, "" },
        { "multiple-documents", "operations/multiple-documents.yaml", "TD007", 16, 1, "" },
        { "stray", "stray.yaml", "TD008", 1, 1, "" },
        { "stray", "operations/misnamed.yml", "TD008", 1, 1, "" },
        { "stray", "operations/nested/deeper.yaml", "TD008", 1, 1, "" },
        { "missing-schema-reference", "operations/missing-schema-reference.yaml", "TD010", 1, 1, "" },
        { "unknown-key", "operations/unknown-key.yaml", "TD101", 4, 1, "summmary" },
        { "missing-field", "operations/missing-field.yaml", "TD102", 2, 1, "name" },
        { "wrong-type", "operations/wrong-type.yaml", "TD103", 16, 9, "origin" },
        { "count-with-separator", "operations/count-with-separator.yaml", "TD103", 11, 54, "disclosures[0].actions[0].count" },
        { "invalid-value", "operations/invalid-value.yaml", "TD104", 20, 12, "attributions[0].level" },
        { "invalid-country", "operations/invalid-country.yaml", "TD105", 16, 10, "origin[0]" },
        { "invalid-date", "operations/invalid-date.yaml", "TD106", 8, 11, "disclosures[0].date" },
        { "invalid-url", "operations/invalid-url.yaml", "TD107", 12, 10, "sources[0].url" },
        { "negative-figure", "operations/negative-figure.yaml", "TD108", 11, 54, "disclosures[0].actions[0].count" },
        { "duplicate-item", "operations/duplicate-item.yaml", "TD109", 16, 29, "topics[2]" },
        { "too-long", "operations/too-long.yaml", "TD110", 3, 7, "name" },
        { "id-mismatch", "operations/id-mismatch.yaml", "TD201", 2, 5, "id" },
        { "duplicate-source-id", "operations/duplicate-source-id.yaml", "TD202", 16, 9, "sources[1].id" },
        { "duplicate-topic", "vocabularies/topics.yaml", "TD202", 5, 11, "topics[2].id" },
        { "unknown-platform", "operations/unknown-platform.yaml", "TD203", 11, 21, "disclosures[0].actions[0].platform" },
        { "unknown-actor", "operations/unknown-actor.yaml", "TD203", 17, 12, "attributions[0].actor" },
        { "unknown-source", "operations/unknown-source.yaml", "TD204", 9, 13, "disclosures[0].source" },
        { "future-date", "operations/future-date.yaml", "TD205", 8, 11, "disclosures[0].date" },
        { "date-order", "operations/date-order.yaml", "TD206", 18, 14, "activity.last_seen" },
        { "missing-currency", "operations/missing-currency.yaml", "TD207", 11, 9, "disclosures[0].reach[0].currency" },
        { "secondary-without-original", "operations/secondary-without-original.yaml", "TD208", 11, 5, "sources[0].original" },
        { "mirror-without-original", "operations/mirror-without-original.yaml", "TD208", 11, 5, "sources[0].original" },
        { "unknown-report", "operations/unknown-report.yaml", "TD203", 10, 13, "disclosures[0].report" },
        { "self-reference", "operations/self-reference.yaml", "TD209", 17, 18, "related[0].operation" },
        { "tombstone-fields", "operations/tombstone-fields.yaml", "TD210", 16, 9, "merged_into" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BrokenFileIsReportedWithPathLineColumnAndCode(string fixture, string target, string code, int line, int column, string fieldPath)
    {
        using var tree = new FixtureTree();
        var path = tree.PlaceBroken(fixture, target);

        var run = tree.Validate();

        Assert.Equal(1, run.ExitCode);
        var expected = $"{path}:{line}:{column}: error {code}: ";
        var reported = Assert.Single(run.Lines, l => l.StartsWith(expected, StringComparison.Ordinal) && (fieldPath.Length == 0 || l.EndsWith($"[{fieldPath}]", StringComparison.Ordinal)));
        var hint = run.Lines[Array.IndexOf(run.Lines, reported) + 1];
        Assert.StartsWith("    hint: ", hint);
        Assert.True(hint.Length > "    hint: ".Length + 10, "the hint should say how to fix the problem");
    }

    [Fact]
    public void UnusedSourceIsAWarningThatDoesNotFailTheRun()
    {
        using var tree = new FixtureTree();
        var path = tree.PlaceBroken("unused-source", "operations/unused-source.yaml");

        var run = tree.Validate();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.Lines, l => l.StartsWith($"{path}:16:9: warning TD211: ", StringComparison.Ordinal));
    }

    [Fact]
    public void ARunningTotalSmallerThanAnEarlierOneIsAWarning()
    {
        using var tree = new FixtureTree();
        var path = tree.PlaceBroken("shrinking-running-total", "operations/shrinking-running-total.yaml");

        var run = tree.Validate();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.Lines, l => l.StartsWith($"{path}:17:9: warning TD212: this running total (3000) is smaller than the earlier one of 2018-01-19 (3814)", StringComparison.Ordinal));
    }

    [Fact]
    public void AReportIdIsSuggestedWhenMisspelt()
    {
        using var tree = new FixtureTree();
        tree.PlaceBroken("unknown-report", "operations/unknown-report.yaml");

        var run = tree.Validate();

        Assert.Contains("hint: did you mean 'meta-2021-03-example'?", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryRuleHasAFailingFixture()
    {
        var covered = Cases.Select(c => (string)c[2]).Concat(["TD002", "TD003", "TD004", "TD009", "TD211", "TD212"]).ToHashSet();
        var uncovered = Rules.All.Select(r => r.Code).Where(code => !covered.Contains(code)).ToList();
        Assert.True(uncovered.Count == 0, $"rules without a failing fixture: {string.Join(", ", uncovered)}");
    }

    [Fact]
    public void UnknownReferenceSuggestsTheIdOfAFormerName()
    {
        using var tree = new FixtureTree();
        tree.PlaceBroken("unknown-platform", "operations/unknown-platform.yaml");

        var run = tree.Validate();

        // 'twiter' is a typo of Twitter, the former name of 'x' (vocabularies/platforms.yaml), not close to any id.
        Assert.Contains(run.Lines, l => l.TrimStart().StartsWith("hint: did you mean 'x'? platforms are listed in vocabularies/platforms.yaml", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("platform: twiter", "platform: twitter", "did you mean 'x'?")]
    [InlineData("by: meta", "by: facebook", "did you mean 'meta'?")]
    [InlineData("by: meta", "by: twiter", "did you mean 'twitter'?")]
    public void FormerAndCommonNamesOfVocabularyEntriesAreSuggestedAsTheirIds(string from, string to, string hint)
    {
        using var tree = new FixtureTree();
        var path = tree.PlaceBroken("unknown-platform", "operations/unknown-platform.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace(from, to, StringComparison.Ordinal));

        var run = tree.Validate();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.Lines, l => l.Contains($"hint: {hint}", StringComparison.Ordinal));
    }

    [Fact]
    public void AnActorsAliasIsSuggestedAsItsId()
    {
        using var tree = new FixtureTree();
        var alpha = tree.PathOf("operations/operation-alpha.yaml");
        var text = File.ReadAllText(alpha);
        Assert.Contains("actor: example-agency", text, StringComparison.Ordinal);
        File.WriteAllText(alpha, text.Replace("actor: example-agency", "actor: ea", StringComparison.Ordinal));

        var run = tree.Validate();

        Assert.Contains(run.Lines, l => l.Contains("hint: did you mean 'example-agency'?", StringComparison.Ordinal));
    }

    [Fact]
    public void TypoInAKeySuggestsTheField()
    {
        using var tree = new FixtureTree();
        tree.PlaceBroken("unknown-key", "operations/unknown-key.yaml");

        var run = tree.Validate();

        Assert.Contains("hint: did you mean 'summary'?", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void CommaInsideAFlowMappingIsExplained()
    {
        using var tree = new FixtureTree();
        var text = File.ReadAllText(tree.PathOf("operations/operation-alpha.yaml"))
            .Replace("note: \"accounts that followed one or more Pages\"", "note: accounts, that followed one or more Pages", StringComparison.Ordinal);
        tree.Write("operations/operation-alpha.yaml", text);

        var run = tree.Validate();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("put the text in quotes", run.Output, StringComparison.Ordinal);
    }
}
