using System.Buffers;
using System.Text;
using SharpYaml;
using SharpYaml.Events;
using Transparency.Dataset.Validation;

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

    private const int ParserDepthLimit = 4 * MaxDepth;

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
        var reader = new TreeReader(Parser.CreateParser(new StringReader(text), ParserDepthLimit), diagnostics);
        try
        {
            return reader.ReadDocument();
        }
        catch (AbandonedRead)
        {
            return null;
        }
        catch (YamlException e) when (reader.OpenFlowCollection is { } open)
        {
            // Inside [ ] or { } the parser notices a missing bracket only where it gives up, often lines
            // later; the opening bracket is where the mistake usually is.
            var (opening, closing) = open.IsMapping ? ('{', '}') : ('[', ']');
            diagnostics.Add(Rules.YamlSyntax, open.Start, "",
                $"the {opening} opened here is not closed as expected: at {ToPosition(e.Start)}, {CleanYamlMessage(e.Message)}",
                $"close it with {closing} and separate items with commas, or quote the value if the {opening} is meant as text");
            return null;
        }
        catch (YamlException e)
        {
            diagnostics.Add(Rules.YamlSyntax, ToPosition(e.Start), "",
                CleanYamlMessage(e.Message),
                "check indentation (spaces, not tabs), the colon after each key, and quotes around values containing ': ' or '#'");
            return null;
        }
    }

    private readonly record struct FlowCollection(Position Start, bool IsMapping);

    /// <summary>Builds the tree from the parser's events, remembering which [ or { is open for error messages.</summary>
    private sealed class TreeReader(IParser parser, FileDiagnostics diagnostics)
    {
        private readonly Stack<FlowCollection> _openFlow = new();

        public FlowCollection? OpenFlowCollection => _openFlow.Count > 0 ? _openFlow.Peek() : null;

        public YamlNode? ReadDocument()
        {
            parser.MoveNext();
            Expect<StreamStart>();
            if (parser.Current is StreamEnd)
            {
                diagnostics.Add(Rules.EmptyFile, new Position(1, 1), "", "the file holds no record",
                    "write the record, or delete the file");
                return null;
            }

            Expect<DocumentStart>();
            var root = ReadNode(depth: 1);
            Expect<DocumentEnd>();
            if (parser.Current is DocumentStart second)
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

        private YamlNode? ReadNode(int depth)
        {
            var current = parser.Current ?? throw new InvalidOperationException("the parser ended early");
            var at = ToPosition(current.Start);
            if (current is AnchorAlias alias)
            {
                parser.MoveNext();
                diagnostics.Add(Rules.AnchorOrAlias, at, "", $"the alias *{alias.Value} is not allowed",
                    "write the value out in full; data files may not use anchors or aliases");
                return null;
            }

            if (current is NodeEvent node)
            {
                if (!string.IsNullOrEmpty(node.Anchor))
                {
                    diagnostics.Add(Rules.AnchorOrAlias, at, "", $"the anchor &{node.Anchor} is not allowed",
                        "remove the anchor; data files may not use anchors or aliases");
                }
                if (!string.IsNullOrEmpty(node.Tag))
                {
                    diagnostics.Add(Rules.AnchorOrAlias, at, "", $"the tag {node.Tag} is not allowed",
                        "remove the tag; quote the value if you meant it as text");
                }
            }

            if (depth > MaxDepth && current is MappingStart or SequenceStart)
            {
                diagnostics.Add(Rules.TooDeep, at, "", $"the YAML nests deeper than {MaxDepth} levels",
                    "no field of the format nests this deep: check the indentation");
                SkipNode();
                return null;
            }

            switch (current)
            {
                case Scalar scalar:
                    parser.MoveNext();
                    return new YamlScalar(at, scalar.Value, scalar.Style == ScalarStyle.Plain);

                case SequenceStart sequence:
                    {
                        parser.MoveNext();
                        EnterFlow(sequence.Style, at, isMapping: false);
                        var items = new List<YamlNode>();
                        while (!TryConsume<SequenceEnd>())
                        {
                            var item = ReadNode(depth + 1);
                            if (item is not null)
                            {
                                items.Add(item);
                            }
                        }
                        LeaveFlow(sequence.Style);
                        return new YamlSequence(at, items);
                    }

                case MappingStart mapping:
                    {
                        parser.MoveNext();
                        EnterFlow(mapping.Style, at, isMapping: true);
                        var entries = new List<YamlEntry>();
                        // Keys whose value was refused (an alias, say) hold no entry but still count as seen.
                        List<YamlScalar>? keysWithoutEntry = null;
                        while (!TryConsume<MappingEnd>())
                        {
                            var keyNode = ReadNode(depth + 1);
                            var value = ReadNode(depth + 1);
                            if (keyNode is not YamlScalar key)
                            {
                                if (keyNode is not null)
                                {
                                    diagnostics.Add(Rules.WrongType, keyNode.Start, "", "a key must be plain text",
                                        "write keys as simple words, such as 'name:'");
                                }
                                continue;
                            }
                            if (FindKey(entries, keysWithoutEntry, key.Value) is { } first)
                            {
                                diagnostics.Add(Rules.DuplicateKey, key.Start, "", $"the key '{key.Value}' appears twice in this mapping (first at line {first.Start.Line})",
                                    "keep one of the two; YAML would silently keep only the last");
                                continue;
                            }
                            if (value is not null)
                            {
                                entries.Add(new YamlEntry(key, value));
                            }
                            else
                            {
                                (keysWithoutEntry ??= []).Add(key);
                            }
                        }
                        LeaveFlow(mapping.Style);
                        return new YamlMapping(at, entries);
                    }

                default:
                    throw new InvalidOperationException($"unexpected YAML event {current.GetType().Name}");
            }
        }

        /// <summary>A linear search: mappings of the format have a few dozen keys at most, and a dictionary per mapping cost more.</summary>
        private static YamlScalar? FindKey(List<YamlEntry> entries, List<YamlScalar>? keysWithoutEntry, string name)
        {
            foreach (var entry in entries)
            {
                if (entry.Key.Value == name)
                {
                    return entry.Key;
                }
            }
            return keysWithoutEntry?.Find(k => k.Value == name);
        }

        private void EnterFlow(YamlStyle style, Position at, bool isMapping)
        {
            if (style == YamlStyle.Flow)
            {
                _openFlow.Push(new FlowCollection(at, isMapping));
            }
        }

        private void LeaveFlow(YamlStyle style)
        {
            if (style == YamlStyle.Flow)
            {
                _openFlow.Pop();
            }
        }

        /// <summary>Checks that the current event is a <typeparamref name="T"/> and moves past it.</summary>
        private void Expect<T>()
            where T : ParsingEvent
        {
            if (parser.Current is not T)
            {
                throw new InvalidOperationException($"expected {typeof(T).Name}, found {parser.Current?.GetType().Name ?? "the end"}");
            }
            parser.MoveNext();
        }

        private bool TryConsume<T>()
            where T : ParsingEvent
        {
            if (parser.Current is T)
            {
                parser.MoveNext();
                return true;
            }
            return false;
        }

        private void SkipNode()
        {
            var depth = 0;
            try
            {
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
            catch (YamlException)
            {
                // The parser's own nesting limit stopped it: the value is already reported as too deep.
                throw new AbandonedRead();
            }
        }

    }

    /// <summary>Ends the reading of a file whose rest cannot be parsed after a problem already reported.</summary>
    private sealed class AbandonedRead : Exception;

    // SharpYaml counts lines and columns from 0.
    private static Position ToPosition(Mark mark) => new(mark.Line + 1, mark.Column + 1);

    /// <summary>The parser prefixes messages with the mark, which we print ourselves.</summary>
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
