using Transparency.Dataset.Yaml;

namespace Transparency.Dataset.Validation;

public enum Severity
{
    Error,
    Warning,
}

/// <summary>One problem found in one file, with the place to fix it and how.</summary>
/// <param name="File">The file's path as given to the compiler, with forward slashes.</param>
/// <param name="At">Where in the file; line 1, column 1 for problems of the file as a whole.</param>
/// <param name="Rule">The rule that was broken.</param>
/// <param name="FieldPath">The field path inside the record, such as <c>disclosures[0].actions[1].count</c>; empty for the whole file.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Hint">How to fix it.</param>
public sealed record Diagnostic(string File, Position At, Rule Rule, string FieldPath, string Message, string Hint)
{
    public Severity Severity => Rule.Severity;
}

/// <summary>Collects diagnostics for one file. Not thread-safe: one per file.</summary>
public sealed class FileDiagnostics(string file)
{
    private readonly List<Diagnostic> _items = [];

    public string File { get; } = file;

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Exists(d => d.Severity == Severity.Error);

    public void Add(Rule rule, Position at, string fieldPath, string message, string hint) =>
        _items.Add(new Diagnostic(File, at, rule, fieldPath, message, hint));
}
