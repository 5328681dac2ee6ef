namespace Transparency.Dataset.Schema;

/// <summary>The declared format of every kind of data file. docs/dataset-format.md is generated from this.</summary>
public static class Schemas
{
    private static readonly EnumShape Qualifier = new([
        new("exact", "The source gives the figure as exact (the default)."),
        new("about", "The source says about, around, approximately, nearly or some."),
        new("at-least", "The source says at least, or writes the figure with a plus (50+)."),
        new("more-than", "The source says more than or over."),
        new("up-to", "The source says up to."),
        new("fewer-than", "The source says fewer than, under or less than."),
    ]);

    private static readonly EnumShape Counting = new([
        new("new", "Removed or measured in this disclosure (the default)."),
        new("cumulative", "The discloser's running total to date, including what its earlier disclosures reported (\"over 100,000 accounts over the network's lifetime\")."),
        new("restatement", "Repeats a figure that an earlier disclosure already gave; shown, never added."),
    ]);

    private static Field CountingField() =>
        new("counting", Counting, "Whether the figure is new in this disclosure, a running total to date, or a restatement of an earlier figure; totals add only what can be added (docs/sqlite-schema.md).");

    private static Field SourceField(string what, bool required = true) =>
        new("source", new ReferenceShape(ReferenceKind.Source), $"The id of the entry of `sources` that {what}.", required);

    public static readonly ObjectShape Source = new("Source", "A public page that a figure, date, alias or attribution in this file comes from.",
    [
        new("id", new DeclarationShape(ReferenceKind.Source), "An id for this source, unique in the file, cited by `source:` fields (e.g. `meta-2023-q2`).", Required: true),
        new("url", new FormatShape(TextFormat.Url), "The absolute http(s) address of the page that was read.", Required: true),
        new("title", new TextShape(300), "The page's title as published.", Required: true),
        new("publisher", new TextShape(200), "Who published the page (Meta, Reuters, Graphika…).", Required: true),
        new("published", new FormatShape(TextFormat.PartialDate), "When the page was published, as the page shows it: YYYY, YYYY-MM or YYYY-MM-DD. Leave it out when the page shows no date rather than guess."),
        new("kind", new EnumShape([
            new("primary", "The disclosing organisation's own report or page."),
            new("mirror", "A faithful full copy of the discloser's own text on another host (a syndicated press release, a PDF on a document site, an archive of the report); `publisher` names the host and says it is a copy."),
            new("secondary", "An account of a report by someone else, such as a news article."),
        ]), "Whether the page is the discloser's own (primary), a full copy of its text (mirror), or a report about it (secondary).", Required: true),
        new("original", new TextShape(300), "For a mirror or secondary source: the report it copies or quotes, named as its publisher named it, with its date. Required unless kind is primary."),
        new("archive", new FormatShape(TextFormat.Url), "An archived copy of the page, such as a Wayback Machine address."),
    ]);

    private static readonly ListShape Sources = new(Source, MinItems: 1);

    public static readonly ObjectShape Operation = new("Operation",
        "One influence operation: its names, what it did, who disclosed it, to whom it is attributed, and the sources behind every claim.",
    [
        new("id", new FormatShape(TextFormat.Slug), "The operation's permanent id: a lowercase slug equal to the file name. Never reused.", Required: true, Example: "spamouflage"),
        new("name", new TextShape(200), "The name most sources use.", Required: true),
        new("status", new EnumShape([
            new("active", "A current record (the default)."),
            new("withdrawn", "Removed from the dataset (duplicate, not an influence operation…); kept as a tombstone."),
            new("merged", "Folded into another record named by `merged_into`; kept as a tombstone."),
        ]), "Whether the record is current or a tombstone."),
        new("merged_into", new ReferenceShape(ReferenceKind.Operation), "For a merged record: the id of the operation it was merged into."),
        new("retired", new ObjectShape("Retirement", "When and why a record was withdrawn or merged.",
        [
            new("date", new FormatShape(TextFormat.PartialDate), "When the record was withdrawn or merged.", Required: true),
            new("reason", new TextShape(500), "Why, in a sentence.", Required: true),
        ]), "For a withdrawn or merged record: when and why."),
        new("aliases", new ListShape(new ObjectShape("Alias", "Another name for the operation, as a source uses it.",
        [
            new("name", new TextShape(200), "The other name.", Required: true),
            new("by", new ReferenceShape(ReferenceKind.Organisation), "The organisation that uses this name, when it is one organisation's own label."),
            SourceField("uses this name"),
        ])), "Other names, each only where a source states it (Spamouflage = DRAGONBRIDGE = Storm-1376)."),
        new("summary", new TextShape(2000), "Two to four sentences, in your own words: who, what, whom, how.", Required: true),
        new("domestic", new BooleanShape(), "true when the operation targeted people of its own country of origin."),
        new("activity", new ObjectShape("Activity", "When the operation was active, with the precision the source gives.",
        [
            new("first_seen", new FormatShape(TextFormat.PartialDate), "The earliest activity reported: YYYY, YYYY-MM or YYYY-MM-DD.", Required: true),
            new("last_seen", new FormatShape(TextFormat.PartialDate), "The latest activity reported, if a source gives one."),
            SourceField("gives these dates"),
        ]), "When the operation was active."),
        new("origin", new ListShape(new FormatShape(TextFormat.Country), Unique: true, MinItems: 1), "Countries the operation was run from (ISO 3166-1 alpha-2)."),
        new("targets", new ObjectShape("Targets", "Whom the operation aimed at.",
        [
            new("countries", new ListShape(new FormatShape(TextFormat.Country), Unique: true), "Targeted countries (ISO 3166-1 alpha-2)."),
            new("languages", new ListShape(new FormatShape(TextFormat.Language), Unique: true), "Languages of the content (ISO 639-1)."),
            new("audiences", new ListShape(new TextShape(200), Unique: true), "Audiences in words, where countries do not say it (e.g. Uyghur diaspora)."),
        ]), "Whom the operation aimed at."),
        new("topics", new ListShape(new ReferenceShape(ReferenceKind.Topic), Unique: true), "Topic ids from vocabularies/topics.yaml."),
        new("tactics", new ListShape(new FormatShape(TextFormat.DisarmTechnique), Unique: true), "DISARM technique ids (T0049, T0049.003)."),
        new("attributions", new ListShape(new ObjectShape("Attribution", "Who a disclosing organisation said is behind the operation, in its own terms.",
        [
            new("actor", new ReferenceShape(ReferenceKind.Actor), "The actor id (dataset/actors/), when the discloser named one."),
            new("country", new FormatShape(TextFormat.Country), "The country the discloser attributed the operation to."),
            new("by", new ReferenceShape(ReferenceKind.Organisation), "The organisation that made the attribution.", Required: true),
            new("date", new FormatShape(TextFormat.PartialDate), "When it made it.", Required: true),
            new("level", new EnumShape([
                new("direct", "Attributed to the actor itself."),
                new("linked-individuals", "Attributed to individuals associated with the actor."),
                new("proxy", "Attributed to a contractor or proxy working for the actor."),
                new("origin-only", "Only a country of origin is given."),
                new("unattributed", "The discloser declined to attribute."),
            ]), "How close the attribution comes to a responsible actor.", Required: true),
            new("confidence", new EnumShape([
                new("high", "The discloser said high confidence."),
                new("moderate", "The discloser said moderate or medium confidence."),
                new("low", "The discloser said low confidence."),
                new("stated", "The discloser stated the attribution without a confidence level."),
                new("none", "The discloser gave no attribution."),
            ]), "The confidence as the discloser worded it.", Required: true),
            new("statement", new TextShape(1000), "A paraphrase of what the discloser said.", Required: true),
            SourceField("makes the attribution"),
        ])), "Attributions, one per organisation and statement."),
        new("disclosures", new ListShape(new ObjectShape("Disclosure", "One public disclosure of the operation by one organisation, with what it removed and the reach it reported.",
        [
            new("id", new DeclarationShape(ReferenceKind.Disclosure), "An id unique in the file, such as `meta-2023-08`.", Required: true),
            new("by", new ReferenceShape(ReferenceKind.Organisation), "The disclosing organisation.", Required: true),
            new("date", new FormatShape(TextFormat.PartialDate), "When the disclosure was published.", Required: true),
            SourceField("reports the disclosure; its figures cite it unless they name their own"),
            new("report", new ReferenceShape(ReferenceKind.Report), "The id of the discloser's report in reports/ that describes this network, for the coverage checklist."),
            new("summary", new TextShape(2000), "What this disclosure found, in your own words."),
            new("platforms", new ListShape(new ReferenceShape(ReferenceKind.Platform), Unique: true), "Platforms the discloser said the operation used, beyond those in `actions`."),
            new("actions", new ListShape(new ObjectShape("PlatformAction", "Assets of one kind removed from one platform, as reported.",
            [
                new("platform", new ReferenceShape(ReferenceKind.Platform), "The platform id.", Required: true),
                new("asset", new ReferenceShape(ReferenceKind.AssetKind), "The asset kind id (account, page, group…).", Required: true),
                new("count", new IntegerShape(), "How many, exactly as the source gives it.", Required: true),
                new("qualifier", Qualifier, "How the source qualified the count."),
                CountingField(),
                new("note", new TextShape(300), "What the count covers, when it is not plain."),
                SourceField("gives this figure, when not the disclosure's own", required: false),
            ])), "What was removed, per platform and asset kind."),
            new("reach", new ListShape(new ObjectShape("ReachFigure", "A figure of audience or scale, as reported.",
            [
                new("metric", new EnumShape([
                    new("followers", "Accounts following the operation's accounts or Pages."),
                    new("group-members", "Members of the operation's groups."),
                    new("subscribers", "Subscribers of channels."),
                    new("views", "Views of content."),
                    new("engagements", "Likes, shares, comments and the like."),
                    new("posts", "Posts or pieces of content published."),
                    new("ad-spend", "Money spent on advertising; needs `currency`."),
                    new("platforms-used", "How many platforms or websites the operation was seen on."),
                ]), "What is measured.", Required: true),
                new("value", new NumberShape(), "The figure, exactly as the source gives it.", Required: true),
                new("qualifier", Qualifier, "How the source qualified the figure."),
                CountingField(),
                new("platform", new ReferenceShape(ReferenceKind.Platform), "The platform the figure is about, if one."),
                new("currency", new FormatShape(TextFormat.Currency), "For ad-spend: the ISO 4217 currency."),
                new("note", new TextShape(300), "What the figure covers, when it is not plain."),
                SourceField("gives this figure, when not the disclosure's own", required: false),
            ])), "Audience and scale figures."),
        ]), MinItems: 1), "Every public disclosure of the operation.", Required: true),
        new("related", new ListShape(new ObjectShape("Relation", "A link to another operation, as a source states it.",
        [
            new("operation", new ReferenceShape(ReferenceKind.Operation), "The other operation's id.", Required: true),
            new("relation", new EnumShape([
                new("overlaps", "The two share assets, people or methods."),
                new("successor-of", "This operation continues the other."),
                new("part-of", "This operation is part of the other."),
                new("same-as", "A source treats them as one; consider merging."),
            ]), "How they are related.", Required: true),
            SourceField("states the relation"),
        ])), "Other operations this one is linked to."),
        new("sources", Sources, "Every page the file cites.", Required: true),
    ]);

    public static readonly ObjectShape Actor = new("Actor", "A government body, company, group or person to which operations are attributed.",
    [
        new("id", new FormatShape(TextFormat.Slug), "The actor's permanent id: a lowercase slug equal to the file name.", Required: true),
        new("name", new TextShape(200), "The actor's name, as sources give it.", Required: true),
        new("aliases", new ListShape(new TextShape(200), Unique: true), "Other names, where a source gives them."),
        new("country", new FormatShape(TextFormat.Country), "The actor's country (ISO 3166-1 alpha-2)."),
        new("kind", new EnumShape([
            new("government", "A government or one of its ministries."),
            new("military", "Armed forces or a military unit."),
            new("law-enforcement", "Police or other law enforcement."),
            new("intelligence", "An intelligence or security service."),
            new("state-media", "State-controlled media."),
            new("ruling-party", "A ruling political party."),
            new("political-party", "A political party or campaign not in government."),
            new("private-firm", "A company, such as a marketing or PR firm."),
            new("individual", "A named person."),
            new("unknown", "Not known."),
        ]), "What kind of actor it is.", Required: true),
        new("parent", new ReferenceShape(ReferenceKind.Actor), "The actor this one is part of, if any."),
        new("summary", new TextShape(1000), "One or two sentences, in your own words.", Required: true),
        new("sources", Sources, "The pages that describe the actor.", Required: true),
    ]);

    private static ObjectShape Vocabulary(string listKey, string title, string description, params Field[] extra) =>
        new(title + "s", description,
        [
            new(listKey, new ListShape(new ObjectShape(title, description,
            [
                new("id", new DeclarationShape(KindOf(listKey)), "The permanent id: a lowercase slug.", Required: true),
                new("name", new TextShape(200), "The display name.", Required: true),
                .. extra,
            ]), MinItems: 1), $"Every {title.ToLowerInvariant()}.", Required: true),
        ]);

    private static ReferenceKind KindOf(string listKey) => listKey switch
    {
        "platforms" => ReferenceKind.Platform,
        "organisations" => ReferenceKind.Organisation,
        "asset_kinds" => ReferenceKind.AssetKind,
        _ => ReferenceKind.Topic,
    };

    public static readonly ObjectShape Platforms = Vocabulary("platforms", "Platform",
        "A platform on which operations ran: a social network, a video site, a messaging service.",
        new Field("former_names", new ListShape(new TextShape(100), Unique: true), "Names the platform had before (Twitter for X)."),
        new Field("url", new FormatShape(TextFormat.Url), "The platform's address."));

    public static readonly ObjectShape Organisations = Vocabulary("organisations", "Organisation",
        "An organisation that discloses or attributes operations: a platform company, a research group, a government body.",
        new Field("kind", new EnumShape([
            new("platform", "A company that runs platforms."),
            new("research", "A research group, lab or company."),
            new("government", "A government body."),
            new("media", "A news organisation."),
        ]), "What kind of organisation it is.", Required: true),
        new Field("aliases", new ListShape(new TextShape(100), Unique: true),
            "Former and common names (Facebook for Meta, FireEye for Mandiant): the API and the validator suggest the id when one of them is used."),
        new Field("country", new FormatShape(TextFormat.Country), "Where it is based."),
        new Field("url", new FormatShape(TextFormat.Url), "Its address.", Required: true),
        new Field("description", new TextShape(500), "One sentence on who it is."),
        new Field("stated_networks", new ObjectShape("StatedNetworks", "How many networks the organisation itself says it has disclosed, as it said it.",
        [
            new("count", new IntegerShape(), "The number, exactly as the organisation gives it.", Required: true),
            new("qualifier", Qualifier, "How it qualified the number."),
            new("as_of", new FormatShape(TextFormat.PartialDate), "When it said so.", Required: true),
            new("url", new FormatShape(TextFormat.Url), "The page where it says so.", Required: true),
            new("title", new TextShape(300), "That page's title.", Required: true),
            new("note", new TextShape(300), "What the number covers (since when, which kinds of network)."),
        ]), "The organisation's own count of the networks it has disclosed, shown beside the dataset's in docs/coverage.md."));

    public static readonly ObjectShape AssetKinds = Vocabulary("asset_kinds", "AssetKind",
        "A kind of asset that platforms remove: account, page, group, channel…",
        new Field("description", new TextShape(500), "What counts as one.", Required: true));

    public static readonly ObjectShape Topics = Vocabulary("topics", "Topic",
        "A subject that operations push or attack.",
        new Field("description", new TextShape(500), "What falls under the topic.", Required: true));

    public static readonly ObjectShape Reports = new("Reports",
        "Disclosing organisations' reports (newsroom posts, monthly or quarterly reports), listed whether or not the dataset holds their networks yet, so that docs/coverage.md shows what is missing. One file per organisation and year: reports/<organisation>-<year>.yaml.",
    [
        new("reports", new ListShape(new ObjectShape("Report", "One report by a disclosing organisation.",
        [
            new("id", new DeclarationShape(ReferenceKind.Report), "The permanent id, unique across reports/: a lowercase slug such as `meta-2020-03-cib-report`.", Required: true),
            new("by", new ReferenceShape(ReferenceKind.Organisation), "The organisation that published it.", Required: true),
            new("title", new TextShape(300), "Its title as published.", Required: true),
            new("published", new FormatShape(TextFormat.PartialDate), "When it was published.", Required: true),
            new("url", new FormatShape(TextFormat.Url), "Its address on the discloser's own site, when known (a report may be known only from accounts of it)."),
            new("copy", new FormatShape(TextFormat.Url), "The best stored copy that was read, when it is not `url`."),
            new("copy_kind", new EnumShape([
                new("discloser", "The discloser's own page was read."),
                new("mirror", "A faithful full copy of the discloser's text was read."),
                new("news", "Only news accounts of the report were found."),
                new("none", "No copy was found."),
            ]), "What kind of copy was read.", Required: true),
            new("networks", new IntegerShape(), "How many networks the report itself describes, counted on the page."),
            new("note", new TextShape(500), "Anything a reader of the checklist needs (parts not stored, networks not yet recorded)."),
        ]), MinItems: 1), "Every report in the file.", Required: true),
    ]);
}
