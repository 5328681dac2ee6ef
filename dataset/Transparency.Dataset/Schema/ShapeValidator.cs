using System.Globalization;
using Transparency.Dataset.Validation;
using Transparency.Dataset.Yaml;

namespace Transparency.Dataset.Schema;

/// <summary>A reference or declaration met while checking a file, kept until the file's references are checked.</summary>
public sealed record Mention(ReferenceKind Kind, string Id, Position At, FieldPath Path)
{
    public string FieldPath => Path.ToString();
}

/// <summary>
/// Where a value stands in a record, such as <c>disclosures[0].actions[1].count</c>: the path of the
/// mapping or list that holds it, and its key or index. Spelled out only when a message needs it, since
/// a record has hundreds of values and few problems.
/// </summary>
public readonly record struct FieldPath(string Parent, string? Key, int Index = -1)
{
    public static readonly FieldPath Root = new("", null);

    /// <summary>The field's name, without the indices of list items: <c>count</c>, or <c>topics</c> for <c>topics[2]</c>.</summary>
    public string Name => Key ?? NameOf(Parent);

    public override string ToString() =>
        Key is not null ? (Parent.Length == 0 ? Key : $"{Parent}.{Key}")
        : Index >= 0 ? $"{Parent}[{Index}]"
        : Parent;

    /// <summary>The last field name of a spelled-out path, without list indices.</summary>
    public static string NameOf(string path)
    {
        var lastDot = path.LastIndexOf('.');
        var name = lastDot >= 0 ? path[(lastDot + 1)..] : path;
        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        return bracket >= 0 ? name[..bracket] : name;
    }
}

/// <summary>
/// Checks one file's tree against its <see cref="Shape"/>, reporting every problem (not just the first),
/// and collects the ids it declares and refers to.
/// </summary>
public sealed class ShapeValidator(FileDiagnostics diagnostics, DateOnly today)
{
    public List<Mention> References { get; } = [];

    public List<Mention> Declarations { get; } = [];

    /// <summary>Checks a whole file's tree.</summary>
    public void Validate(YamlNode root, ObjectShape shape) => Validate(root, shape, FieldPath.Root);

    private void Validate(YamlNode node, Shape shape, FieldPath at)
    {
        switch (shape)
        {
            case ObjectShape objectShape:
                ValidateObject(node, objectShape, at.ToString());
                break;
            case ListShape list:
                ValidateList(node, list, at.ToString());
                break;
            default:
                if (node is not YamlScalar scalar)
                {
                    diagnostics.Add(Rules.WrongType, node.Start, at.ToString(), $"'{at.Name}' must be {Describe(shape)}, not {node.KindName}",
                        HintFor(shape));
                    return;
                }
                ValidateScalar(scalar, shape, at);
                break;
        }
    }

    private void ValidateObject(YamlNode node, ObjectShape shape, string path)
    {
        if (node is not YamlMapping mapping)
        {
            diagnostics.Add(Rules.WrongType, node.Start, path, $"{(path.Length == 0 ? "the file" : $"'{FieldPath.NameOf(path)}'")} must be a mapping of fields ({shape.Title}), not {node.KindName}",
                $"write it as 'key: value' lines; the fields are: {string.Join(", ", shape.Fields.Select(f => f.Name))}");
            return;
        }

        foreach (var entry in mapping.Entries)
        {
            var field = shape.Find(entry.Key.Value);
            var at = new FieldPath(path, entry.Key.Value);
            if (field is null)
            {
                var suggestion = Suggest.Closest(entry.Key.Value, shape.Fields.Select(f => f.Name));
                var looksLikeSplitText = entry.Value is YamlScalar { IsNull: true } && entry.Key.Value.Contains(' ', StringComparison.Ordinal);
                diagnostics.Add(Rules.UnknownKey, entry.Key.Start, at.ToString(), $"unknown field '{entry.Key.Value}' in {shape.Title}",
                    looksLikeSplitText
                        ? "this looks like the rest of a text value cut at a comma: inside { } a comma ends a value, so put the text in quotes"
                        : suggestion is not null
                        ? $"did you mean '{suggestion}'? The fields are: {string.Join(", ", shape.Fields.Select(f => f.Name))}"
                        : $"the fields are: {string.Join(", ", shape.Fields.Select(f => f.Name))}");
                continue;
            }
            if (entry.Value is YamlScalar { IsNull: true })
            {
                if (field.Required)
                {
                    diagnostics.Add(Rules.MissingField, entry.Value.Start, at.ToString(), $"'{field.Name}' is required but empty",
                        $"give {field.Description.TrimEnd('.').ToLowerInvariant()}");
                }
                continue;
            }
            Validate(entry.Value, field.Shape, at);
        }

        foreach (var field in shape.Fields)
        {
            if (!field.Required || mapping[field.Name] is not null)
            {
                continue;
            }
            diagnostics.Add(Rules.MissingField, mapping.Start, new FieldPath(path, field.Name).ToString(), $"{shape.Title} is missing the required field '{field.Name}'",
                $"add '{field.Name}:' — {field.Description}");
        }
    }

    private void ValidateList(YamlNode node, ListShape shape, string path)
    {
        if (node is not YamlSequence sequence)
        {
            diagnostics.Add(Rules.WrongType, node.Start, path, $"'{FieldPath.NameOf(path)}' must be a list, not {node.KindName}",
                "write each item on its own line starting with '- ', or as [a, b]");
            return;
        }
        if (sequence.Items.Count < shape.MinItems)
        {
            diagnostics.Add(Rules.MissingField, sequence.Start, path, $"'{FieldPath.NameOf(path)}' needs at least {shape.MinItems} item{(shape.MinItems == 1 ? "" : "s")}",
                "add the missing items, or remove the field if it is optional");
        }

        var seen = shape.Unique ? new Dictionary<string, Position>(StringComparer.Ordinal) : null;
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            var at = new FieldPath(path, null, i);
            if (seen is not null && item is YamlScalar scalar)
            {
                if (seen.TryGetValue(scalar.Value, out var first))
                {
                    diagnostics.Add(Rules.DuplicateItem, scalar.Start, at.ToString(), $"'{scalar.Value}' is already listed (line {first.Line})",
                        "remove the repeated value");
                    continue;
                }
                seen[scalar.Value] = scalar.Start;
            }
            if (item is YamlScalar { IsNull: true })
            {
                diagnostics.Add(Rules.MissingField, item.Start, at.ToString(), $"item {i} of '{at.Name}' is empty", "remove the empty '- ' line or fill it in");
                continue;
            }
            Validate(item, shape.Item, at);
        }
    }

    private void ValidateScalar(YamlScalar scalar, Shape shape, FieldPath at)
    {
        var value = scalar.Value;
        switch (shape)
        {
            case TextShape text:
                if (string.IsNullOrWhiteSpace(value))
                {
                    diagnostics.Add(Rules.MissingField, scalar.Start, at.ToString(), $"'{at.Name}' is empty", "write the text, or remove the field if it is optional");
                }
                else if (value.Length > text.MaxLength)
                {
                    diagnostics.Add(Rules.TooLong, scalar.Start, at.ToString(), $"'{at.Name}' is {value.Length} characters long, over the limit of {text.MaxLength}",
                        "shorten it: summaries are a few sentences in your own words");
                }
                else if (value != value.Trim())
                {
                    diagnostics.Add(Rules.InvalidFormat, scalar.Start, at.ToString(), $"'{at.Name}' starts or ends with white space", "remove the leading or trailing spaces");
                }
                break;

            case EnumShape enumShape:
                if (!enumShape.Contains(value))
                {
                    var suggestion = Suggest.Closest(value, enumShape.Values.Select(v => v.Name));
                    diagnostics.Add(Rules.InvalidValue, scalar.Start, at.ToString(), $"'{value}' is not a valid {at.Name}",
                        (suggestion is not null ? $"did you mean '{suggestion}'? " : "") + $"use one of: {string.Join(", ", enumShape.Values.Select(v => v.Name))}");
                }
                break;

            case IntegerShape integer:
                if (!scalar.IsPlain || !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) || (value.Length > 1 && value.TrimStart('-').StartsWith('0')))
                {
                    diagnostics.Add(Rules.WrongType, scalar.Start, at.ToString(), $"'{at.Name}' must be a whole number, not '{value}'",
                        "write digits only, unquoted, with no separators or leading zeros: 1633, not \"1,633\" or 01633; put 'about' or 'more than' in qualifier");
                }
                else if (number < integer.Minimum)
                {
                    diagnostics.Add(Rules.NegativeFigure, scalar.Start, at.ToString(), $"'{at.Name}' is {number}; figures cannot be negative", "write the figure as the source gives it");
                }
                break;

            case NumberShape numberShape:
                if (!scalar.IsPlain || !decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dec) || (value.Length > 1 && value.TrimStart('-').StartsWith('0') && !value.TrimStart('-').StartsWith("0.", StringComparison.Ordinal)))
                {
                    diagnostics.Add(Rules.WrongType, scalar.Start, at.ToString(), $"'{at.Name}' must be a number, not '{value}'",
                        "write digits only, unquoted, with a '.' for decimals and no separators: 4000 or 9.5; put 'about' or 'more than' in qualifier");
                }
                else if (dec < numberShape.Minimum)
                {
                    diagnostics.Add(Rules.NegativeFigure, scalar.Start, at.ToString(), $"'{at.Name}' is {value}; figures cannot be negative", "write the figure as the source gives it");
                }
                break;

            case BooleanShape:
                if (!scalar.IsPlain || value is not ("true" or "false"))
                {
                    diagnostics.Add(Rules.WrongType, scalar.Start, at.ToString(), $"'{at.Name}' must be true or false, not '{value}'", "write true or false, unquoted (not yes/no)");
                }
                break;

            case FormatShape format:
                ValidateFormat(scalar, format.Format, at);
                break;

            case ReferenceShape reference:
                if (CheckSlug(scalar, at))
                {
                    References.Add(new Mention(reference.Kind, value, scalar.Start, at));
                }
                break;

            case DeclarationShape declaration:
                if (CheckSlug(scalar, at))
                {
                    Declarations.Add(new Mention(declaration.Kind, value, scalar.Start, at));
                }
                break;

            default:
                throw new InvalidOperationException($"no check for {shape.GetType().Name}");
        }
    }

    private void ValidateFormat(YamlScalar scalar, TextFormat format, FieldPath at)
    {
        var value = scalar.Value;
        switch (format)
        {
            case TextFormat.Slug:
                CheckSlug(scalar, at);
                break;
            case TextFormat.Country when !Formats.Countries.Contains(value):
                diagnostics.Add(Rules.InvalidFormat, scalar.Start, at.ToString(), $"'{value}' is not an ISO 3166-1 alpha-2 country code",
                    Formats.Countries.Contains(value.ToUpperInvariant())
                        ? $"write it in capitals: {value.ToUpperInvariant()}"
                        : "use the two-letter code, such as CN, RU, US or GB (see https://www.iso.org/obp/ui/#search/code/)");
                break;
            case TextFormat.Language when !Formats.Languages.Contains(value):
                diagnostics.Add(Rules.InvalidFormat, scalar.Start, at.ToString(), $"'{value}' is not an ISO 639-1 language code",
                    Formats.Languages.Contains(value.ToLowerInvariant()) ? $"write it in lower case: {value.ToLowerInvariant()}" : "use the two-letter code, such as en, zh, ru, ar");
                break;
            case TextFormat.Currency when !Formats.Currencies.Contains(value):
                diagnostics.Add(Rules.InvalidFormat, scalar.Start, at.ToString(), $"'{value}' is not a known ISO 4217 currency code",
                    $"use one of: {string.Join(", ", Formats.Currencies.Order(StringComparer.Ordinal))}; a new currency is added to the list by review");
                break;
            case TextFormat.Url when !Formats.IsUrl(value):
                diagnostics.Add(Rules.InvalidUrl, scalar.Start, at.ToString(), $"'{value}' is not an absolute http(s) URL",
                    "copy the full address from the browser, starting with https://");
                break;
            case TextFormat.DisarmTechnique when !Formats.DisarmTechnique().IsMatch(value):
                diagnostics.Add(Rules.InvalidFormat, scalar.Start, at.ToString(), $"'{value}' is not a DISARM technique id",
                    "write it as T followed by four digits, with an optional .NNN sub-technique: T0049 or T0049.003");
                break;
            case TextFormat.PartialDate:
                var date = Formats.ParseDate(value);
                if (date is null)
                {
                    diagnostics.Add(Rules.InvalidDate, scalar.Start, at.ToString(), $"'{value}' is not a valid date",
                        "write YYYY, YYYY-MM or YYYY-MM-DD (2019, 2019-08 or 2019-08-19), with a real month and day");
                }
                else if (date.Earliest > today)
                {
                    diagnostics.Add(Rules.FutureDate, scalar.Start, at.ToString(), $"'{value}' is in the future",
                        "check the year; the dataset records what has already happened");
                }
                break;
        }
    }

    private bool CheckSlug(YamlScalar scalar, FieldPath at)
    {
        if (Formats.Slug().IsMatch(scalar.Value) && scalar.Value.Length <= 100)
        {
            return true;
        }
        var suggestion = ToSlug(scalar.Value);
        diagnostics.Add(Rules.InvalidFormat, scalar.Start, at.ToString(), $"'{scalar.Value}' is not a valid id",
            "ids are lowercase letters, digits and single hyphens" + (suggestion.Length > 0 ? $", such as '{suggestion}'" : ""));
        return false;
    }

    private static string ToSlug(string value)
    {
        var chars = value.ToLowerInvariant().Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-').ToArray();
        return string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Describe(Shape shape) => shape switch
    {
        TextShape => "text",
        EnumShape e => $"one of {string.Join(", ", e.Values.Select(v => v.Name))}",
        IntegerShape => "a whole number",
        NumberShape => "a number",
        BooleanShape => "true or false",
        FormatShape { Format: TextFormat.PartialDate } => "a date",
        FormatShape { Format: TextFormat.Url } => "a URL",
        FormatShape f => $"a {f.Format.ToString().ToLowerInvariant()} code",
        ReferenceShape or DeclarationShape => "an id",
        _ => "a single value",
    };

    private static string HintFor(Shape shape) => shape switch
    {
        EnumShape e => $"write one value: {string.Join(", ", e.Values.Select(v => v.Name))}",
        _ => "write a single value on the same line as the key, not a list or mapping",
    };
}
