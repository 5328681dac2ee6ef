namespace Transparency.Dataset.Schema;

/// <summary>
/// The format, declared once. The same declarations drive validation, the JSON Schemas under
/// dataset/schema/ that editors use, and the field reference in docs/, so the three cannot drift.
/// </summary>
public abstract record Shape;

/// <summary>A mapping with named fields; any other key is an error.</summary>
public sealed record ObjectShape(string Title, string Description, IReadOnlyList<Field> Fields) : Shape
{
    public Field? Find(string name)
    {
        foreach (var field in Fields)
        {
            if (field.Name == name)
            {
                return field;
            }
        }
        return null;
    }
}

/// <summary>One field of an <see cref="ObjectShape"/>.</summary>
public sealed record Field(string Name, Shape Shape, string Description, bool Required = false, string? Example = null);

/// <summary>A list; <paramref name="Unique"/> lists refuse repeated scalar values.</summary>
public sealed record ListShape(Shape Item, bool Unique = false, int MinItems = 0) : Shape;

/// <summary>Free text, trimmed, non-empty.</summary>
public sealed record TextShape(int MaxLength) : Shape;

/// <summary>A value of a fixed list.</summary>
public sealed record EnumShape(IReadOnlyList<EnumValue> Values) : Shape
{
    public bool Contains(string value)
    {
        foreach (var allowed in Values)
        {
            if (allowed.Name == value)
            {
                return true;
            }
        }
        return false;
    }
}

public sealed record EnumValue(string Name, string Description);

/// <summary>Text of a fixed form, checked by <see cref="Formats"/>.</summary>
public sealed record FormatShape(TextFormat Format) : Shape;

public enum TextFormat
{
    /// <summary>A lowercase slug: a-z, 0-9 and single hyphens.</summary>
    Slug,
    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    Country,
    /// <summary>ISO 639-1, lower case.</summary>
    Language,
    /// <summary>ISO 4217, upper case.</summary>
    Currency,
    /// <summary>An absolute http(s) URL.</summary>
    Url,
    /// <summary>YYYY, YYYY-MM or YYYY-MM-DD, not in the future.</summary>
    PartialDate,
    /// <summary>A DISARM technique id such as T0049 or T0049.003.</summary>
    DisarmTechnique,
}

/// <summary>A whole number, at least <paramref name="Minimum"/>.</summary>
public sealed record IntegerShape(long Minimum = 0) : Shape;

/// <summary>A decimal number, at least <paramref name="Minimum"/>.</summary>
public sealed record NumberShape(decimal Minimum = 0) : Shape;

/// <summary>true or false (not yes/no).</summary>
public sealed record BooleanShape : Shape;

/// <summary>
/// A slug naming another record. The shape pass checks its form and collects it; the dataset pass
/// checks that the record exists.
/// </summary>
public sealed record ReferenceShape(ReferenceKind Kind) : Shape;

/// <summary>
/// A slug that declares an id inside the file (a source, a disclosure), so that the dataset pass can
/// refuse duplicates and resolve references to it.
/// </summary>
public sealed record DeclarationShape(ReferenceKind Kind) : Shape;

public enum ReferenceKind
{
    Operation,
    Actor,
    Organisation,
    Platform,
    AssetKind,
    Topic,
    /// <summary>A discloser's report, listed in reports/.</summary>
    Report,
    /// <summary>A source declared in the same file.</summary>
    Source,
    /// <summary>A disclosure declared in the same file.</summary>
    Disclosure,
}
