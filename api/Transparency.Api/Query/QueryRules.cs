using System.ComponentModel.DataAnnotations;
using Transparency.Api.Dataset;
using Transparency.Dataset.Schema;

namespace Transparency.Api.Query;

/// <summary>
/// The checks a query property declares beside its type. <c>{0}</c> in a message is the caller's own name for the field
/// (<c>q</c> over REST, <c>text</c> over GraphQL). Each rule may also put a valid value into its one canonical form.
/// </summary>
public static class QueryRules
{
    public const string WholeNumber = "'{0}' must be a whole number from {1} to {2}.";

    /// <summary>A value short enough to quote back in a message.</summary>
    public static string Shorten(string value) => value.Length <= 100 ? value : value[..100] + "…";
}

/// <summary>A rule that also writes a valid value in canonical form (ids lower case, countries upper case).</summary>
public interface ICanonicalForm
{
    object? Canonical(object? value);
}

public enum VocabularyList
{
    Actors,
    Platforms,
    Organisations,
    Topics,
}

/// <summary>Ids (compared in lower case) that must be in one of the dataset's vocabularies.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class KnownIdsAttribute(VocabularyList list) : ValidationAttribute, ICanonicalForm
{
    public VocabularyList List { get; } = list;

    public static IReadOnlySet<string> Known(Vocabulary vocabulary, VocabularyList list) => list switch
    {
        VocabularyList.Actors => vocabulary.Actors,
        VocabularyList.Platforms => vocabulary.Platforms,
        VocabularyList.Organisations => vocabulary.Organisations,
        _ => vocabulary.Topics,
    };

    public object? Canonical(object? value) => (value as string[])?.Select(v => v.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Former and common names (Twitter, Facebook, IRA) of the list's ids, for "did you mean".</summary>
    public static IReadOnlyDictionary<string, string> OtherNames(Vocabulary vocabulary, VocabularyList list) => list switch
    {
        VocabularyList.Actors => vocabulary.ActorNames,
        VocabularyList.Platforms => vocabulary.PlatformNames,
        VocabularyList.Organisations => vocabulary.OrganisationNames,
        _ => new Dictionary<string, string>(),
    };

    /// <summary>
    /// An unknown value that is a former or common name, or close to an id or such a name, gets "did you mean" with the id;
    /// otherwise the valid values are listed.
    /// </summary>
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var vocabulary = validationContext.GetRequiredService<Vocabulary>();
        var known = Known(vocabulary, List);
        var otherNames = OtherNames(vocabulary, List);
        var unknown = ((string[]?)Canonical(value) ?? []).Where(v => !known.Contains(v)).ToArray();
        if (unknown.Length == 0)
        {
            return ValidationResult.Success;
        }
        var what = List switch
        {
            VocabularyList.Actors => "actor",
            VocabularyList.Platforms => "platform",
            VocabularyList.Organisations => "organisation",
            _ => "topic",
        };
        var hints = unknown.Select(u => (Value: u, Id: u.Length <= 100 ? Suggest.Id(u, known, otherNames) : null)).ToArray();
        return new ValidationResult($"Unknown {what} {string.Join(", ", unknown.Select(u => $"'{QueryRules.Shorten(u)}'"))}." +
            (hints.All(h => h.Id is not null)
                ? string.Concat(hints.Select(h => $" Did you mean '{h.Id}'" + (otherNames.ContainsKey(h.Value) ? $" ('{h.Value}' is another name for it; filters take ids)?" : "?")))
                : $" Valid values: {string.Join(", ", known.Order(StringComparer.Ordinal))}."));
    }
}

/// <summary>ISO 3166-1 alpha-2 country codes, in any case.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CountryCodesAttribute : ValidationAttribute, ICanonicalForm
{
    public object? Canonical(object? value) => (value as string[])?.Select(v => v.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToArray();

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var bad = ((string[]?)Canonical(value) ?? []).Where(v => !Formats.Countries.Contains(v)).ToArray();
        return bad.Length == 0 ? ValidationResult.Success : new ValidationResult(
            $"{string.Join(", ", bad.Select(b => $"'{QueryRules.Shorten(b)}'"))} in '{validationContext.DisplayName}' {(bad.Length == 1 ? "is not an" : "are not")} ISO 3166-1 alpha-2 country code{(bad.Length == 1 ? "" : "s")}, such as CN, RU, IR or US.");
    }
}

/// <summary>A date of year, month or day precision; <see cref="End"/> means the filter reads its last day rather than its first.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PartialDateAttribute : ValidationAttribute
{
    public const string Pattern = @"^\d{4}(-\d{2}(-\d{2})?)?$";

    public bool End { get; init; }

    /// <summary>The first (or, for an end, the last) day a valid date can mean.</summary>
    public static DateOnly? Day(string? text, bool end) =>
        text is null ? null : Formats.ParseDate(text) is { } date ? (end ? date.Latest : date.Earliest) : null;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string text || Formats.ParseDate(text) is not null
            ? ValidationResult.Success
            : new ValidationResult($"'{QueryRules.Shorten(text)}' in '{validationContext.DisplayName}' is not a date. Use YYYY, YYYY-MM or YYYY-MM-DD, such as 2022, 2022-09 or 2022-09-27.");
}

/// <summary>Free text of 1 to a maximum number of characters, not all blank (a string length OpenAPI shows).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TextAttribute : StringLengthAttribute
{
    public TextAttribute(int maximumLength) : base(maximumLength)
    {
        MinimumLength = 1;
    }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) => value switch
    {
        string text when text.Length > MaximumLength || string.IsNullOrWhiteSpace(text) =>
            new ValidationResult($"'{validationContext.DisplayName}' must be between 1 and {MaximumLength} characters."),
        string text when text.Any(c => char.IsControl(c) && !char.IsWhiteSpace(c)) =>
            new ValidationResult($"'{validationContext.DisplayName}' may not contain control characters such as %00; give words separated by spaces."),
        _ => ValidationResult.Success,
    };
}

/// <summary>One of a fixed set of values, or for a list, each of them (OpenAPI shows the set as an enum, GraphQL as an enum type).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OneOfAttribute(params string[] values) : ValidationAttribute
{
    public IReadOnlyList<string> Values { get; } = values;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var given = value switch
        {
            string one => [one],
            string[] many => many,
            _ => [],
        };
        var bad = given.Where(v => !Values.Contains(v)).ToArray();
        return bad.Length == 0
            ? ValidationResult.Success
            : new ValidationResult($"{string.Join(", ", bad.Select(b => $"'{QueryRules.Shorten(b)}'"))} {(bad.Length == 1 ? "is not a" : "are not")} valid {validationContext.DisplayName}. Use one of: {string.Join(", ", Values)}.");
    }
}
