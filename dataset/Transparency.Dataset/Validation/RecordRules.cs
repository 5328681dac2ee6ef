using Transparency.Dataset.Loading;
using Transparency.Dataset.Schema;
using Transparency.Dataset.Yaml;

namespace Transparency.Dataset.Validation;

/// <summary>Rules that combine several fields of one record.</summary>
internal static class RecordRules
{
    public static void Check(DataFile file, YamlMapping root)
    {
        var diagnostics = file.Diagnostics;
        CheckSources(root, diagnostics);
        if (file.Kind == FileKind.Operation)
        {
            CheckActivity(root, diagnostics);
            CheckFigures(root, diagnostics);
            CheckRunningTotals(root, diagnostics);
            CheckTombstone(root, diagnostics);
            CheckSelfReferences(root, file.FileId, diagnostics);
        }
        else if (file.Kind == FileKind.Actor && Text(root["parent"]) is { } parent && parent == file.FileId)
        {
            diagnostics.Add(Rules.SelfReference, root["parent"]!.Start, "parent", "the actor is its own parent", "name the actor this one is part of, or remove 'parent'");
        }
    }

    private static void CheckSources(YamlMapping root, FileDiagnostics diagnostics)
    {
        foreach (var (source, path) in Items(root, "sources"))
        {
            if (Text(source["kind"]) is "secondary" or "mirror" && Text(source["original"]) is null)
            {
                diagnostics.Add(Rules.SecondaryWithoutOriginal, source.Start, $"{path}.original", $"a {Text(source["kind"])} source must name the original report it {(Text(source["kind"]) == "mirror" ? "copies" : "quotes")}",
                    "add 'original:' with the report's title and publisher (e.g. 'Meta, Q2 2023 Adversarial Threat Report'), or cite the report itself as primary");
            }
        }
    }

    private static void CheckActivity(YamlMapping root, FileDiagnostics diagnostics)
    {
        if (root["activity"] is not YamlMapping activity)
        {
            return;
        }
        var first = Formats.ParseDate(Text(activity["first_seen"]) ?? "");
        var last = Formats.ParseDate(Text(activity["last_seen"]) ?? "");
        if (first is not null && last is not null && first.Earliest > last.Latest)
        {
            diagnostics.Add(Rules.DateOrder, activity["last_seen"]!.Start, "activity.last_seen", $"last_seen {last.Text} is before first_seen {first.Text}",
                "check both dates against the source; swap them if they were entered the wrong way round");
        }
    }

    private static void CheckFigures(YamlMapping root, FileDiagnostics diagnostics)
    {
        foreach (var (disclosure, disclosurePath) in Items(root, "disclosures"))
        {
            foreach (var (figure, path) in Items(disclosure, "reach", disclosurePath))
            {
                var isMoney = Text(figure["metric"]) == "ad-spend";
                var currency = figure["currency"];
                if (isMoney && Text(currency) is null)
                {
                    diagnostics.Add(Rules.MissingCurrency, figure.Start, $"{path}.currency", "an ad-spend figure needs its currency",
                        "add 'currency:' with the ISO 4217 code the source uses, such as USD");
                }
                else if (!isMoney && currency is not null)
                {
                    diagnostics.Add(Rules.MissingCurrency, currency.Start, $"{path}.currency", "only ad-spend figures have a currency",
                        "remove 'currency', or set metric: ad-spend");
                }
            }
        }
    }

    /// <summary>A running total (counting: cumulative) of one discloser, platform and asset kind never shrinks over time.</summary>
    private static void CheckRunningTotals(YamlMapping root, FileDiagnostics diagnostics)
    {
        var totals = new List<(string Key, PartialDate Date, long Count, YamlMapping Figure, string Path)>();
        foreach (var (disclosure, disclosurePath) in Items(root, "disclosures"))
        {
            var date = Formats.ParseDate(Text(disclosure["date"]) ?? "");
            var by = Text(disclosure["by"]);
            foreach (var (figure, path) in Items(disclosure, "actions", disclosurePath))
            {
                if (date is not null && Text(figure["counting"]) == "cumulative" && long.TryParse(Text(figure["count"]), out var count))
                {
                    totals.Add(($"{by} {Text(figure["platform"])} {Text(figure["asset"])}", date, count, figure, path));
                }
            }
        }
        foreach (var later in totals)
        {
            var earlier = totals.FirstOrDefault(e => e.Key == later.Key && e.Date.Latest < later.Date.Earliest && e.Count > later.Count);
            if (earlier.Figure is not null)
            {
                diagnostics.Add(Rules.ShrinkingRunningTotal, later.Figure.Start, $"{later.Path}.count",
                    $"this running total ({later.Count}) is smaller than the earlier one of {earlier.Date.Text} ({earlier.Count})",
                    "check both against their sources: a figure that counts only one disclosure's removals is `counting: new`, one that repeats an earlier figure is `restatement`");
            }
        }
    }

    private static void CheckTombstone(YamlMapping root, FileDiagnostics diagnostics)
    {
        var status = Text(root["status"]) ?? "active";
        var mergedInto = root["merged_into"];
        var retired = root["retired"];
        var at = root["status"]?.Start ?? root.Start;
        if (status == "merged" && mergedInto is null)
        {
            diagnostics.Add(Rules.TombstoneFields, at, "merged_into", "a merged record must name the operation it was merged into", "add 'merged_into:' with that operation's id");
        }
        if (status != "merged" && mergedInto is not null)
        {
            diagnostics.Add(Rules.TombstoneFields, mergedInto.Start, "merged_into", "'merged_into' is only for records with status: merged", "set status: merged, or remove 'merged_into'");
        }
        if (status != "active" && retired is null)
        {
            diagnostics.Add(Rules.TombstoneFields, at, "retired", $"a {status} record must say when and why under 'retired'", "add 'retired:' with 'date:' and 'reason:'");
        }
        if (status == "active" && retired is not null)
        {
            diagnostics.Add(Rules.TombstoneFields, retired.Start, "retired", "'retired' is only for withdrawn or merged records", "set status: withdrawn or merged, or remove 'retired'");
        }
    }

    private static void CheckSelfReferences(YamlMapping root, string id, FileDiagnostics diagnostics)
    {
        if (Text(root["merged_into"]) == id)
        {
            diagnostics.Add(Rules.SelfReference, root["merged_into"]!.Start, "merged_into", "the operation is merged into itself", "name the operation it was merged into");
        }
        foreach (var (relation, path) in Items(root, "related"))
        {
            if (Text(relation["operation"]) == id)
            {
                diagnostics.Add(Rules.SelfReference, relation["operation"]!.Start, $"{path}.operation", "the operation is related to itself", "name another operation, or remove the entry");
            }
        }
    }

    private static string? Text(YamlNode? node) => node is YamlScalar { IsNull: false } scalar ? scalar.Value : null;

    private static IEnumerable<(YamlMapping Item, string Path)> Items(YamlMapping parent, string key, string parentPath = "")
    {
        if (parent[key] is not YamlSequence sequence)
        {
            yield break;
        }
        var prefix = parentPath.Length == 0 ? key : $"{parentPath}.{key}";
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (sequence.Items[i] is YamlMapping item)
            {
                yield return (item, $"{prefix}[{i}]");
            }
        }
    }
}
