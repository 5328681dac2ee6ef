using System.Globalization;
using Transparency.Dataset.Loading;
using Transparency.Dataset.Schema;
using Transparency.Dataset.Yaml;

namespace Transparency.Dataset.Model;

/// <summary>
/// Turns a YAML tree into records. It runs only on a file whose own checks found no error, so it may
/// assume every required field is present and well-formed.
/// </summary>
public static class Binder
{
    /// <summary>Binds one file that passed its own checks.</summary>
    public static object BindFile(FileKind kind, YamlMapping root, string datasetPath) => kind switch
    {
        FileKind.Operation => BindOperation(root, datasetPath),
        FileKind.Actor => BindActor(root, datasetPath),
        FileKind.Platforms => Maps(root, "platforms").Select(e => new PlatformRecord(Req(e, "id"), Req(e, "name"), Strings(e, "former_names"), Opt(e, "url"))).ToArray(),
        FileKind.Organisations => Maps(root, "organisations").Select(e => new OrganisationRecord(Req(e, "id"), Req(e, "name"), Strings(e, "aliases"), Req(e, "kind"), Opt(e, "country"), Req(e, "url"), Opt(e, "description"),
            e["stated_networks"] is YamlMapping n ? new StatedNetworksRecord(Long(n, "count"), Opt(n, "qualifier") ?? "exact", Date(n, "as_of"), Req(n, "url"), Req(n, "title"), Opt(n, "note")) : null)).ToArray(),
        FileKind.AssetKinds => Maps(root, "asset_kinds").Select(e => new AssetKindRecord(Req(e, "id"), Req(e, "name"), Req(e, "description"))).ToArray(),
        FileKind.Topics => Maps(root, "topics").Select(e => new TopicRecord(Req(e, "id"), Req(e, "name"), Req(e, "description"))).ToArray(),
        FileKind.Reports => Maps(root, "reports").Select(e => new ReportRecord(Req(e, "id"), Req(e, "by"), Req(e, "title"), Date(e, "published"), Opt(e, "url"),
            Opt(e, "copy"), Req(e, "copy_kind"), Opt(e, "networks") is null ? null : Long(e, "networks"), Opt(e, "note"))).ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static OperationRecord BindOperation(YamlMapping m, string path)
    {
        var targets = m["targets"] as YamlMapping;
        return new OperationRecord(
            Id: Req(m, "id"),
            Name: Req(m, "name"),
            Status: Opt(m, "status") ?? "active",
            MergedInto: Opt(m, "merged_into"),
            Retired: m["retired"] is YamlMapping r ? new RetirementRecord(Date(r, "date"), Req(r, "reason")) : null,
            Aliases: [.. Maps(m, "aliases").Select(a => new AliasRecord(Req(a, "name"), Opt(a, "by"), Req(a, "source")))],
            Summary: Req(m, "summary"),
            Domestic: Opt(m, "domestic") == "true",
            Activity: m["activity"] is YamlMapping act
                ? new ActivityRecord(Date(act, "first_seen"), OptDate(act, "last_seen"), Req(act, "source"))
                : null,
            Origin: Strings(m, "origin"),
            TargetCountries: targets is null ? [] : Strings(targets, "countries"),
            TargetLanguages: targets is null ? [] : Strings(targets, "languages"),
            TargetAudiences: targets is null ? [] : Strings(targets, "audiences"),
            Topics: Strings(m, "topics"),
            Tactics: Strings(m, "tactics"),
            Attributions: [.. Maps(m, "attributions").Select(a => new AttributionRecord(
                Opt(a, "actor"), Opt(a, "country"), Req(a, "by"), Date(a, "date"), Req(a, "level"), Req(a, "confidence"), Req(a, "statement"), Req(a, "source")))],
            Disclosures: [.. Maps(m, "disclosures").Select(BindDisclosure)],
            Related: [.. Maps(m, "related").Select(r => new RelationRecord(Req(r, "operation"), Req(r, "relation"), Req(r, "source")))],
            Sources: BindSources(m),
            FilePath: path);
    }

    private static DisclosureRecord BindDisclosure(YamlMapping d)
    {
        var source = Req(d, "source");
        return new DisclosureRecord(
            Req(d, "id"), Req(d, "by"), Date(d, "date"), source, Opt(d, "report"), Opt(d, "summary"), Strings(d, "platforms"),
            [.. Maps(d, "actions").Select(a => new PlatformActionRecord(
                Req(a, "platform"), Req(a, "asset"), Long(a, "count"),
                Opt(a, "qualifier") ?? "exact", Opt(a, "counting") ?? "new", Opt(a, "note"), Opt(a, "source") ?? source))],
            [.. Maps(d, "reach").Select(r => new ReachRecord(
                Req(r, "metric"), decimal.Parse(Req(r, "value"), CultureInfo.InvariantCulture), Opt(r, "qualifier") ?? "exact", Opt(r, "counting") ?? "new",
                Opt(r, "platform"), Opt(r, "currency"), Opt(r, "note"), Opt(r, "source") ?? source))]);
    }

    private static ActorRecord BindActor(YamlMapping m, string path) => new(
        Req(m, "id"), Req(m, "name"), Strings(m, "aliases"), Opt(m, "country"), Req(m, "kind"), Opt(m, "parent"), Req(m, "summary"), BindSources(m), path);

    private static List<SourceRecord> BindSources(YamlMapping m) =>
        [.. Maps(m, "sources").Select(s => new SourceRecord(
            Req(s, "id"), Req(s, "url"), Req(s, "title"), Req(s, "publisher"), OptDate(s, "published"), Req(s, "kind"), Opt(s, "original"), Opt(s, "archive")))];

    private static string Req(YamlMapping m, string key) => Opt(m, key) ?? throw new InvalidOperationException($"'{key}' is missing; bind only validated files");

    private static long Long(YamlMapping m, string key) => long.Parse(Req(m, key), CultureInfo.InvariantCulture);

    private static string? Opt(YamlMapping m, string key) => m[key] is YamlScalar { IsNull: false } s ? s.Value : null;

    private static PartialDate Date(YamlMapping m, string key) => Formats.ParseDate(Req(m, key))!;

    private static PartialDate? OptDate(YamlMapping m, string key) => Opt(m, key) is { } text ? Formats.ParseDate(text) : null;

    private static List<string> Strings(YamlMapping m, string key) =>
        m[key] is YamlSequence s ? [.. s.Items.OfType<YamlScalar>().Where(i => !i.IsNull).Select(i => i.Value)] : [];

    private static IEnumerable<YamlMapping> Maps(YamlMapping m, string key) =>
        m[key] is YamlSequence s ? s.Items.OfType<YamlMapping>() : [];
}
