namespace Transparency.Dataset.Validation;

/// <summary>A validation rule: a stable code that contributors can look up in docs/validation-rules.md.</summary>
public sealed record Rule(string Code, string Name, Severity Severity, string Description);

/// <summary>
/// Every rule the compiler checks. Codes are stable: a retired rule keeps its code unused.
/// TD0xx are about reading the file, TD1xx about the shape of one record, TD2xx about the dataset as a whole.
/// </summary>
public static class Rules
{
    public static readonly Rule YamlSyntax = new("TD001", "yaml-syntax", Severity.Error,
        "The file is not well-formed YAML.");
    public static readonly Rule EmptyFile = new("TD002", "empty-file", Severity.Error,
        "The file is empty or holds only comments.");
    public static readonly Rule FileTooLarge = new("TD003", "file-too-large", Severity.Error,
        "The file is larger than the limit (256 KiB); records this large are almost certainly a mistake, and the limit keeps the compiler safe from hostile input.");
    public static readonly Rule NotUtf8 = new("TD004", "not-utf8", Severity.Error,
        "The file is not valid UTF-8.");
    public static readonly Rule AnchorOrAlias = new("TD005", "anchor-or-alias", Severity.Error,
        "YAML anchors (&name), aliases (*name) and tags (!tag) are refused: data files do not need them, and aliases allow expansion bombs.");
    public static readonly Rule DuplicateKey = new("TD006", "duplicate-key", Severity.Error,
        "A key appears twice in the same mapping (YAML parsers silently keep the last one).");
    public static readonly Rule MultipleDocuments = new("TD007", "multiple-documents", Severity.Error,
        "The file holds more than one YAML document (---); one file holds one record.");
    public static readonly Rule UnexpectedFile = new("TD008", "unexpected-file", Severity.Error,
        "A file lies outside the folders the compiler reads (operations/, actors/, vocabularies/, reports/), or has the wrong extension.");
    public static readonly Rule TooDeep = new("TD009", "too-deep", Severity.Error,
        "The YAML nests deeper than any record of the format can (16 levels).");
    public static readonly Rule MissingSchemaReference = new("TD010", "missing-schema-reference", Severity.Error,
        "The file does not start with the comment that points editors at its JSON Schema, so they cannot complete and check fields as you type.");

    public static readonly Rule UnknownKey = new("TD101", "unknown-key", Severity.Error,
        "A key that the format does not define (often a typo).");
    public static readonly Rule MissingField = new("TD102", "missing-field", Severity.Error,
        "A required field is absent or empty.");
    public static readonly Rule WrongType = new("TD103", "wrong-type", Severity.Error,
        "A value has the wrong type: a list where text was expected, text where a number was expected, and so on.");
    public static readonly Rule InvalidValue = new("TD104", "invalid-value", Severity.Error,
        "A value is not one of the allowed values (level, confidence, qualifier, metric, kind…).");
    public static readonly Rule InvalidFormat = new("TD105", "invalid-format", Severity.Error,
        "A value does not have the required form: a slug id, an ISO country, language or currency code, a number.");
    public static readonly Rule InvalidDate = new("TD106", "invalid-date", Severity.Error,
        "A date is not YYYY, YYYY-MM or YYYY-MM-DD, or is not a real calendar date.");
    public static readonly Rule InvalidUrl = new("TD107", "invalid-url", Severity.Error,
        "A URL is not an absolute http or https URL.");
    public static readonly Rule NegativeFigure = new("TD108", "negative-figure", Severity.Error,
        "A count or figure is negative.");
    public static readonly Rule DuplicateItem = new("TD109", "duplicate-item", Severity.Error,
        "The same value appears twice in a list that must not repeat (countries, topics, platforms…).");
    public static readonly Rule TooLong = new("TD110", "too-long", Severity.Error,
        "A text value is longer than its field allows.");

    public static readonly Rule IdMismatch = new("TD201", "id-mismatch", Severity.Error,
        "A record's id differs from its file name.");
    public static readonly Rule DuplicateId = new("TD202", "duplicate-id", Severity.Error,
        "Two records, two vocabulary entries, or two sources or disclosures in one file share an id.");
    public static readonly Rule UnknownReference = new("TD203", "unknown-reference", Severity.Error,
        "A reference names an actor, operation, organisation, platform, asset kind or topic that does not exist.");
    public static readonly Rule UnknownSource = new("TD204", "unknown-source", Severity.Error,
        "A figure, attribution, alias or date cites a source id that the file's sources list does not declare.");
    public static readonly Rule FutureDate = new("TD205", "future-date", Severity.Error,
        "A date lies in the future.");
    public static readonly Rule DateOrder = new("TD206", "date-order", Severity.Error,
        "first_seen is after last_seen.");
    public static readonly Rule MissingCurrency = new("TD207", "missing-currency", Severity.Error,
        "An ad-spend figure has no currency, or a figure that is not money has one.");
    public static readonly Rule SecondaryWithoutOriginal = new("TD208", "secondary-without-original", Severity.Error,
        "A mirror or secondary source (a copy of the report or a news account of it) does not name the original report it copies or quotes.");
    public static readonly Rule SelfReference = new("TD209", "self-reference", Severity.Error,
        "A record refers to itself (an operation related to itself, an actor that is its own parent).");
    public static readonly Rule TombstoneFields = new("TD210", "tombstone-fields", Severity.Error,
        "status, merged_into and retired disagree: a merged record needs merged_into, a withdrawn or merged one needs retired, an active one has neither.");
    public static readonly Rule UnusedSource = new("TD211", "unused-source", Severity.Warning,
        "A declared source is cited by nothing in the file.");
    public static readonly Rule ShrinkingRunningTotal = new("TD212", "shrinking-running-total", Severity.Warning,
        "A figure marked `counting: cumulative` is smaller than an earlier running total of the same operation, discloser, platform and asset kind: a running total cannot shrink, so one of them is probably not cumulative (or is a restatement).");

    public static IReadOnlyList<Rule> All { get; } =
    [
        YamlSyntax, EmptyFile, FileTooLarge, NotUtf8, AnchorOrAlias, DuplicateKey, MultipleDocuments, UnexpectedFile, TooDeep, MissingSchemaReference,
        UnknownKey, MissingField, WrongType, InvalidValue, InvalidFormat, InvalidDate, InvalidUrl, NegativeFigure, DuplicateItem, TooLong,
        IdMismatch, DuplicateId, UnknownReference, UnknownSource, FutureDate, DateOrder, MissingCurrency, SecondaryWithoutOriginal,
        SelfReference, TombstoneFields, UnusedSource, ShrinkingRunningTotal,
    ];
}
