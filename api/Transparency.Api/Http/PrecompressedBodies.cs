using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Transparency.Api.Http;

/// <summary>
/// Compressed copies of bodies that never change while the process runs (a record's JSON), made once per encoding
/// at the smallest size and kept. Browsers and most HTTP libraries accept compression on every request; without
/// these, each such lookup was compressed anew at the fastest level and sent chunked, and ran at less than half the
/// rate of an uncompressed one (docs/performance.md). The encoding is the one the response compression would have
/// chosen for the request, so a client sees the same negotiation either way. At most one copy per record and
/// encoding is kept (about a third of the record's size each).
/// </summary>
public sealed class PrecompressedBodies(IResponseCompressionProvider compression)
{
    private readonly ConcurrentDictionary<(byte[] Body, string Encoding), byte[]> _kept = new();

    /// <summary>The body compressed as this request accepts, with its encoding's name; null to send it as it is.</summary>
    public (string Encoding, byte[] Body)? For(HttpContext context, byte[] body)
    {
        if (!compression.CheckRequestAcceptsCompression(context)
            || compression.GetCompressionProvider(context)?.EncodingName is not ({ } encoding and ("br" or "gzip")))
        {
            return null;
        }
        // The key holds the body by reference (arrays compare by reference), and records' bodies live as long as the process.
        return (encoding, _kept.GetOrAdd((body, encoding), static key => Compress(key.Body, key.Encoding)));
    }

    private static byte[] Compress(byte[] body, string encoding)
    {
        using var output = new MemoryStream();
        using (var compressor = encoding == "br"
            ? (Stream)new BrotliStream(output, CompressionLevel.SmallestSize)
            : new GZipStream(output, CompressionLevel.SmallestSize))
        {
            compressor.Write(body);
        }
        return output.ToArray();
    }
}
