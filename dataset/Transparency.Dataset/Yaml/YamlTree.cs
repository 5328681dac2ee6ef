namespace Transparency.Dataset.Yaml;

/// <summary>A 1-based line and column in a source file.</summary>
public readonly record struct Position(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>
/// A YAML node with the position it started at. We keep our own small tree instead of the parser library's
/// representation model so that anchors, tags and duplicate keys can be refused while reading.
/// </summary>
public abstract class YamlNode(Position start)
{
    public Position Start { get; } = start;

    /// <summary>What a person would call this kind of node in an error message.</summary>
    public abstract string KindName { get; }
}

public sealed class YamlScalar(Position start, string value, bool isPlain) : YamlNode(start)
{
    public string Value { get; } = value;

    /// <summary>True when the scalar was written without quotes (so <c>null</c>, <c>~</c> and empty mean nothing).</summary>
    public bool IsPlain { get; } = isPlain;

    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string KindName => IsNull ? "an empty value" : "a text value";
}

public sealed record YamlEntry(YamlScalar Key, YamlNode Value);

public sealed class YamlMapping(Position start, IReadOnlyList<YamlEntry> entries) : YamlNode(start)
{
    public IReadOnlyList<YamlEntry> Entries { get; } = entries;

    public YamlNode? this[string key]
    {
        get
        {
            foreach (var entry in Entries)
            {
                if (entry.Key.Value == key)
                {
                    return entry.Value;
                }
            }
            return null;
        }
    }

    public override string KindName => "a mapping (key: value pairs)";
}

public sealed class YamlSequence(Position start, IReadOnlyList<YamlNode> items) : YamlNode(start)
{
    public IReadOnlyList<YamlNode> Items { get; } = items;

    public override string KindName => "a list";
}
