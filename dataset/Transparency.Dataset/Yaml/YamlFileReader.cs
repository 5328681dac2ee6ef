using System.Buffers;
using System.Text;
using Transparency.Dataset.Validation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Transparency.Dataset.Yaml;

/// <summary>
/// Reads one data file into a <see cref="YamlNode"/> tree, refusing what data files never need
/// (anchors, aliases, tags, several documents, duplicate keys, deep nesting) and input that is
/// unsafe to parse (too large, not UTF-8). Problems go to the file's diagnostics; nothing throws.
/// </summary>
public static class YamlFileReader
{
    /// <summary>The largest file accepted; the biggest real record is a few KiB.</summary>
    public const int MaxFileBytes = 256 * 1024;

    /// <summary>The deepest nesting any record of the format needs, with room to spare.</summary>
    public const int MaxDepth = 16;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static YamlNode? Read(ReadOnlySpan<byte> bytes, FileDiagnostics diagnostics)
    {
        var start = new Position(1, 1);
        if (bytes.Length > MaxFileBytes)
        {
            diagnostics.Add(Rules.FileTooLarge, start, "",
                $"the file is {bytes.Length:N0} bytes, over the limit of {MaxFileBytes:N0}",
                "split the record, or remove what does not belong in it (long quotations, pasted reports)");
            return null;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var invalidAt = System.Text.Unicode.Utf8.IsValid(bytes) ? -1 : FindInvalidUtf8(bytes);
        if (invalidAt >= 0)
        {
            diagnostics.Add(Rules.NotUtf8, PositionOfByte(bytes, invalidAt), "",
                $"byte 0x{bytes[invalidAt]:X2} at offset {invalidAt} is not valid UTF-8",
                "save the file as UTF-8 (most editors: 'Save with encoding' → UTF-8)");
            return null;
        }

        var text = StrictUtf8.GetString(bytes);
        var lastGood = new Position(1, 1);
        try
        {
            return Parse(text, diagnostics, position => lastGood = position);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet throws this, without a position, for some malformed flow collections ("[a" at the end of a line).
            diagnostics.Add(Rules.YamlSyntax, lastGood, "", "the YAML cannot be read past this point",
                "look for an unclosed [ or {, or an unclosed quote, on this line or the next");
            return null;
        }
        catch (YamlException e)
        {
            diagnostics.Add(Rules.YamlSyntax, new Position((int)e.Start.Line, (int)e.Start.Column), "",
                CleanYamlMessage(e.Message),
                "check indentation (spaces, not tabs), the colon after each key, and quotes around values containing ': ' or '#'");
            return null;
        }
    }

    private static YamlNode? Parse(string text, FileDiagnostics diagnostics, Action<Position> reached)
    {
        var parser = new Parser(new StringReader(text));
        parser.Consume<StreamStart>();
        if (parser.Accept<StreamEnd>(out _))
        {
            diagnostics.Add(Rules.EmptyFile, new Position(1, 1), "", "the file holds no record",
                "write the record, or delete the file");
            return null;
        }

        parser.Consume<DocumentStart>();
        var root = ReadNode(parser, diagnostics, reached, depth: 1);
        parser.Consume<DocumentEnd>();
        if (parser.Accept<DocumentStart>(out var second))
        {
            diagnostics.Add(Rules.MultipleDocuments, ToPosition(second.Start), "",
                "a second YAML document starts here",
                "one file holds one record: remove the '---' and what follows, or move it to its own file");
        }

        if (root is YamlScalar { IsNull: true })
        {
            diagnostics.Add(Rules.EmptyFile, new Position(1, 1), "", "the file holds no record",
                "write the record, or delete the file");
            return null;
        }
        return root;
    }

    private static YamlNode? ReadNode(IParser parser, FileDiagnostics diagnostics, Action<Position> reached, int depth)
    {
        var current = parser.Current ?? throw new InvalidOperationException("the parser ended early");
        var at = ToPosition(current.Start);
        reached(at);
        if (current is AnchorAlias alias)
        {
            parser.MoveNext();
            diagnostics.Add(Rules.AnchorOrAlias, at, "", $"the alias *{alias.Value} is not allowed",
                "write the value out in full; data files may not use anchors or aliases");
            return null;
        }

        if (current is NodeEvent node)
        {
            if (!node.Anchor.IsEmpty)
            {
                diagnostics.Add(Rules.AnchorOrAlias, at, "", $"the anchor &{node.Anchor} is not allowed",
                    "remove the anchor; data files may not use anchors or aliases");
            }
            if (!node.Tag.IsEmpty)
            {
                diagnostics.Add(Rules.AnchorOrAlias, at, "", $"the tag {node.Tag} is not allowed",
                    "remove the tag; quote the value if you meant it as text");
            }
        }

        if (depth > MaxDepth && current is MappingStart or SequenceStart)
        {
            diagnostics.Add(Rules.TooDeep, at, "", $"the YAML nests deeper than {MaxDepth} levels",
                "no field of the format nests this deep: check the indentation");
            SkipNode(parser);
            return null;
        }

        switch (current)
        {
            case Scalar scalar:
                parser.MoveNext();
                return new YamlScalar(at, scalar.Value, scalar.Style == ScalarStyle.Plain);

            case SequenceStart:
                {
                    parser.MoveNext();
                    var items = new List<YamlNode>();
                    while (!parser.TryConsume<SequenceEnd>(out _))
                    {
                        var item = ReadNode(parser, diagnostics, reached, depth + 1);
                        if (item is not null)
                        {
                            items.Add(item);
                        }
                    }
                    return new YamlSequence(at, items);
                }

            case MappingStart:
                {
                    parser.MoveNext();
                    var entries = new List<YamlEntry>();
                    var seen = new Dictionary<string, Position>(StringComparer.Ordinal);
                    while (!parser.TryConsume<MappingEnd>(out _))
                    {
                        var keyNode = ReadNode(parser, diagnostics, reached, depth + 1);
                        var value = ReadNode(parser, diagnostics, reached, depth + 1);
                        if (keyNode is not YamlScalar key)
                        {
                            if (keyNode is not null)
                            {
                                diagnostics.Add(Rules.WrongType, keyNode.Start, "", "a key must be plain text",
                                    "write keys as simple words, such as 'name:'");
                            }
                            continue;
                        }
                        if (seen.TryGetValue(key.Value, out var first))
                        {
                            diagnostics.Add(Rules.DuplicateKey, key.Start, "", $"the key '{key.Value}' appears twice in this mapping (first at line {first.Line})",
                                "keep one of the two; YAML would silently keep only the last");
                            continue;
                        }
                        seen[key.Value] = key.Start;
                        if (value is not null)
                        {
                            entries.Add(new YamlEntry(key, value));
                        }
                    }
                    return new YamlMapping(at, entries);
                }

            default:
                throw new InvalidOperationException($"unexpected YAML event {current.GetType().Name}");
        }
    }

    private static void SkipNode(IParser parser)
    {
        var depth = 0;
        do
        {
            depth += parser.Current switch
            {
                MappingStart or SequenceStart => 1,
                MappingEnd or SequenceEnd => -1,
                _ => 0,
            };
            parser.MoveNext();
        }
        while (depth > 0);
    }

    private static Position ToPosition(Mark mark) => new((int)mark.Line, (int)mark.Column);

    /// <summary>YamlDotNet prefixes messages with the mark, which we print ourselves.</summary>
    private static string CleanYamlMessage(string message)
    {
        var closing = message.IndexOf("): ", StringComparison.Ordinal);
        var text = message.StartsWith('(') && closing > 0 ? message[(closing + 3)..] : message;
        return text.TrimEnd('.').Trim() is { Length: > 0 } cleaned ? char.ToLowerInvariant(cleaned[0]) + cleaned[1..] : "malformed YAML";
    }

    private static int FindInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status != OperationStatus.Done)
            {
                return offset;
            }
            offset += consumed;
        }
        return -1;
    }

    private static Position PositionOfByte(ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..offset];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return new Position(line, offset - lineStart + 1);
    }
}
