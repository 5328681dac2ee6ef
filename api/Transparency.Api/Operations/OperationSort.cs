using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Transparency.Api.Operations;

/// <summary>A sort order of <c>/v1/operations</c> (one of <see cref="OperationQuery.Sort"/>'s values): a field, ascending unless written with a leading '-'.</summary>
public sealed record OperationSort(string Name, string Expression, bool Descending)
{
    /// <summary>The sortable fields and the SQL they sort by (NULLs mapped to values that sort first, so that keyset paging works).</summary>
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["name"] = "o.name COLLATE NOCASE",
        ["firstSeen"] = "COALESCE(o.first_seen_start, '')",
        ["lastDisclosed"] = "COALESCE(o.last_disclosed, '')",
        ["accountsRemoved"] = "COALESCE(o.accounts_removed, -1)",
        ["followers"] = "COALESCE(o.max_followers, -1)",
        // The full-text match's score (lower is better), joined in by OperationQueries.Where when q is given.
        ["relevance"] = "m.score",
    };

    /// <summary>Whether a cursor's value is of the kind this order's rows have: text for names and dates, a whole number for counts, a number for relevance.</summary>
    public bool Suits(object value) => Name.TrimStart('-') switch
    {
        "name" or "firstSeen" or "lastDisclosed" => value is string,
        "accountsRemoved" or "followers" => value is long,
        _ => value is long or double,
    };

    public static OperationSort Parse(string text)
    {
        var descending = text.StartsWith('-');
        var name = descending ? text[1..] : text;
        return new OperationSort(text, Fields[name], descending);
    }
}

/// <summary>
/// An opaque keyset cursor: the sort it belongs to, and the last row's sort value and id. Paging by key, not
/// by OFFSET, keeps every page as fast as the first and never skips or repeats a row.
/// </summary>
public sealed record OperationCursor(string Sort, object Value, string Id)
{
    public string Encode() => WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["s"] = Sort, ["v"] = Value, ["i"] = Id }));

    /// <summary>Null when the text is not a cursor this API made.</summary>
    public static OperationCursor? Decode(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(WebEncoders.Base64UrlDecode(text));
            var root = json.RootElement;
            var value = root.GetProperty("v");
            object decoded = value.ValueKind switch
            {
                JsonValueKind.Number => value.TryGetInt64(out var whole) ? (object)whole : value.GetDouble(),
                JsonValueKind.String => value.GetString()!,
                _ => throw new FormatException(),
            };
            return new OperationCursor(root.GetProperty("s").GetString()!, decoded, root.GetProperty("i").GetString()!);
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException or DecoderFallbackException)
        {
            return null;
        }
    }
}
