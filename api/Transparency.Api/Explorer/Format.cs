using System.Globalization;

namespace Transparency.Api.Explorer;

/// <summary>How pages write the data's values for people: numbers with separators, dates in words, vocabulary ids as phrases.</summary>
public static class Format
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static string Number(long value) => value.ToString("N0", English);

    /// <summary>A total that may be unknown: no disclosure gave a figure.</summary>
    public static string Number(long? value) => value is { } known ? Number(known) : "not reported";

    public static string Number(double value) => value.ToString(value % 1 == 0 ? "N0" : "N2", English);

    /// <summary>A short label for a chart bar: 1,633 stays whole, 27,300 becomes 27k, 2,100,000 becomes 2.1M.</summary>
    public static string Compact(long value) => value switch
    {
        >= 1_000_000 => (value / 1_000_000d).ToString(value >= 10_000_000 ? "0" : "0.#", English) + "M",
        >= 10_000 => (value / 1_000d).ToString("0", English) + "k",
        _ => Number(value),
    };

    /// <summary>The words a source used to qualify a figure, before it: "about 4,000".</summary>
    public static string Qualified(string qualifier, string figure) => qualifier switch
    {
        "about" => "about " + figure,
        "at-least" => "at least " + figure,
        "more-than" => "more than " + figure,
        "up-to" => "up to " + figure,
        "fewer-than" => "fewer than " + figure,
        _ => figure,
    };

    /// <summary>YYYY, YYYY-MM or YYYY-MM-DD in words, at the precision given: "2021", "March 2021", "10 March 2021".</summary>
    public static string Date(string? date)
    {
        if (string.IsNullOrEmpty(date))
        {
            return "";
        }
        var parts = date.Split('-');
        if (parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, English, out var month) && month is >= 1 and <= 12)
        {
            var monthYear = $"{Months[month - 1]} {parts[0]}";
            return parts.Length >= 3 && int.TryParse(parts[2][..Math.Min(2, parts[2].Length)], NumberStyles.None, English, out var day) ? $"{day} {monthYear}" : monthYear;
        }
        return parts[0];
    }

    /// <summary>A span of dates: "June 2019 to 15 February 2021", or one date when both ends are the same.</summary>
    public static string Span(string? from, string? to) =>
        string.IsNullOrEmpty(to) || to == from ? Date(from) : string.IsNullOrEmpty(from) ? "until " + Date(to) : $"{Date(from)} to {Date(to)}";

    /// <summary>A vocabulary id as words: "linked-individuals" becomes "Linked individuals".</summary>
    public static string Words(string id) => id.Length == 0 ? id : char.ToUpperInvariant(id[0]) + id[1..].Replace('-', ' ');

    public static string Level(string level) => level switch
    {
        "direct" => "Direct: the actor ran it",
        "linked-individuals" => "Linked to individuals",
        "proxy" => "Through a proxy",
        "origin-only" => "Country of origin only",
        "unattributed" => "Not attributed",
        _ => Words(level),
    };

    public static string Metric(string metric) => metric switch
    {
        "ad-spend" => "Spent on ads",
        "platforms-used" => "Platforms used",
        _ => Words(metric),
    };

    public static string Relation(string relation) => relation switch
    {
        "overlaps" => "Overlaps with",
        "successor-of" => "Successor of",
        "part-of" => "Part of",
        "same-as" => "Same as",
        _ => Words(relation),
    };

    /// <summary>Why a figure shown is left out of the totals.</summary>
    public static string NotInTotals(string counting) => counting switch
    {
        "restatement" => "repeats an earlier figure; not in totals",
        "cumulative" => "an earlier running total; not in totals",
        _ => "not in totals: another source's figure, or included in a later running total",
    };

    /// <summary>How a source stands to what it reports, in the words a reader needs.</summary>
    public static string SourceKind(string kind) => kind switch
    {
        "primary" => "primary: the discloser's own report",
        "secondary" => "secondary: a report of it by others",
        "mirror" => "mirror: a full copy of the discloser's text on another host",
        _ => Words(kind),
    };
}
