using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Transparency.Dataset.Release;

/// <summary>One changed record and the fields that changed.</summary>
public sealed record ChangedRecord(string Id, IReadOnlyList<string> Fields);

/// <summary>What changed between two releases: ids added, changed, withdrawn and merged.</summary>
public sealed record Delta(
    string? FromVersion,
    string ToVersion,
    IReadOnlyList<string> Added,
    IReadOnlyList<ChangedRecord> Changed,
    IReadOnlyList<string> Withdrawn,
    IReadOnlyList<MergedRecord> Merged)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Compares two snapshots; <paramref name="before"/> is empty for a first release.</summary>
    public static Delta Between(string? fromVersion, IReadOnlyDictionary<string, JsonObject> before, string toVersion, IReadOnlyDictionary<string, JsonObject> after)
    {
        var added = new List<string>();
        var changed = new List<ChangedRecord>();
        var withdrawn = new List<string>();
        var merged = new List<MergedRecord>();
        foreach (var (id, record) in after.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var status = (string?)record["status"];
            if (!before.TryGetValue(id, out var old))
            {
                if (status == "active")
                {
                    added.Add(id);
                }
                continue;
            }
            var oldStatus = (string?)old["status"];
            if (status != oldStatus && status == "withdrawn")
            {
                withdrawn.Add(id);
            }
            else if (status != oldStatus && status == "merged")
            {
                merged.Add(new MergedRecord(id, (string?)record["merged_into"]));
            }
            var fields = record.Select(p => p.Key).Where(key => !JsonNode.DeepEquals(record[key], old[key])).Order(StringComparer.Ordinal).ToList();
            if (fields.Count > 0 && status == oldStatus)
            {
                changed.Add(new ChangedRecord(id, fields));
            }
        }
        // A record whose file was deleted outright (against the rules) is reported as withdrawn, never lost.
        withdrawn.AddRange(before.Keys.Where(id => !after.ContainsKey(id) && (string?)before[id]["status"] == "active"));
        return new Delta(fromVersion, toVersion, added, changed, [.. withdrawn.Order(StringComparer.Ordinal)], merged);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json) + "\n";

    /// <summary>The delta for people: a CHANGELOG entry, or the output of <c>diff</c>.</summary>
    public string ToMarkdown(string? date, IReadOnlyDictionary<string, JsonObject> after)
    {
        string Name(string id) => after.TryGetValue(id, out var r) ? $"{(string?)r["name"]} (`{id}`)" : $"`{id}`";
        var text = new StringBuilder();
        text.AppendLine($"## {ToVersion}{(date is null ? "" : $" — {date}")}");
        text.AppendLine();
        if (Added.Count + Changed.Count + Withdrawn.Count + Merged.Count == 0)
        {
            text.AppendLine(FromVersion is null ? "No operations." : $"No changes to operations since {FromVersion}.");
            return text.ToString();
        }
        text.AppendLine(FromVersion is null ? "First release." : $"Changes since {FromVersion}:");
        void Section(string title, IEnumerable<string> lines)
        {
            var list = lines.ToList();
            if (list.Count == 0)
            {
                return;
            }
            text.AppendLine();
            text.AppendLine($"### {title} ({list.Count})");
            text.AppendLine();
            foreach (var line in list)
            {
                text.AppendLine($"- {line}");
            }
        }
        Section("Added", Added.Select(Name));
        Section("Changed", Changed.Select(c => $"{Name(c.Id)}: {string.Join(", ", c.Fields)}"));
        Section("Withdrawn", Withdrawn.Select(Name));
        Section("Merged", Merged.Select(m => $"{Name(m.Id)} into `{m.Into}`"));
        return text.ToString();
    }
}

public sealed record MergedRecord(string Id, string? Into);
