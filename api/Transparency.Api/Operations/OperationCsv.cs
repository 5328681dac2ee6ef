using System.Globalization;
using System.Text;

namespace Transparency.Api.Operations;

/// <summary>Operations as RFC 4180 CSV, one row per operation, lists joined with spaces (aliases with "; ").</summary>
public static class OperationCsv
{
    private static readonly string[] Header =
    [
        "id", "name", "aliases", "origin", "targets", "platforms", "disclosed_by", "first_seen", "last_seen",
        "first_disclosed", "last_disclosed", "accounts_removed", "assets_removed", "max_followers", "domestic", "summary",
    ];

    public static async Task Write(IEnumerable<OperationSummary> operations, Stream body, CancellationToken cancellationToken)
    {
        // The body belongs to the server (and to any middleware wrapping it): flush into it, never close it.
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(string.Join(',', Header) + "\r\n");
        foreach (var o in operations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string?[] fields =
            [
                o.Id, o.Name, string.Join("; ", o.Aliases), string.Join(' ', o.Origin), string.Join(' ', o.Targets), string.Join(' ', o.Platforms),
                string.Join(' ', o.DisclosedBy), o.FirstSeen, o.LastSeen, o.FirstDisclosed, o.LastDisclosed,
                o.AccountsRemoved?.ToString(CultureInfo.InvariantCulture), o.AssetsRemoved?.ToString(CultureInfo.InvariantCulture),
                o.MaxFollowers?.ToString(CultureInfo.InvariantCulture), o.Domestic ? "true" : "false", o.Summary,
            ];
            await writer.WriteAsync(string.Join(',', fields.Select(Escape)) + "\r\n");
        }
    }

    public static string Escape(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return "";
        }
        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }
}
