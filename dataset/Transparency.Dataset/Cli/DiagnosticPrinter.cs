using Transparency.Dataset.Validation;

namespace Transparency.Dataset.Cli;

/// <summary>Prints diagnostics for people (text) or as GitHub Actions annotations (github).</summary>
public static class DiagnosticPrinter
{
    public static void Print(IEnumerable<Diagnostic> diagnostics, string format, TextWriter output)
    {
        var ordered = diagnostics
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.At.Line)
            .ThenBy(d => d.At.Column)
            .ThenBy(d => d.Rule.Code, StringComparer.Ordinal);
        foreach (var d in ordered)
        {
            var severity = d.Severity == Severity.Error ? "error" : "warning";
            var field = d.FieldPath.Length > 0 ? $" [{d.FieldPath}]" : "";
            if (format == "github")
            {
                output.WriteLine(
                    $"::{severity} file={Property(d.File)},line={d.At.Line},col={d.At.Column},title={Property($"{d.Rule.Code} {d.Rule.Name}")}::{Data($"{d.Message}{field}\nhint: {d.Hint}")}");
            }
            else
            {
                output.WriteLine($"{d.File}:{d.At.Line}:{d.At.Column}: {severity} {d.Rule.Code}: {d.Message}{field}");
                output.WriteLine($"    hint: {d.Hint}");
            }
        }
    }

    public static string Summary(ValidationResult result)
    {
        var filesWithErrors = result.Files.Count(f => f.Diagnostics.HasErrors);
        return $"{Plural(result.ErrorCount, "error")}, {Plural(result.WarningCount, "warning")} in {filesWithErrors} of {Plural(result.Files.Count, "file")}";
    }

    public static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    // GitHub's workflow-command escaping: https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
    private static string Data(string value) => value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Property(string value) => Data(value).Replace(":", "%3A").Replace(",", "%2C");
}
