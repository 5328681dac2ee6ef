using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Transparency.Api.Http;

/// <summary>
/// Compressed copies of bodies that never change while the process runs (a record's JSON), made once per encoding
/// and kept. Browsers and most HTTP libraries accept compression on every request; without these, each such lookup
/// was compressed anew and sent chunked, and ran at less than half the rate of an uncompressed one
/// (docs/performance.md). The encoding is the one the response compression would have chosen for the request, so a
/// client sees the same negotiation either way. At most one copy per record and encoding is kept, a quarter to a
/// half of the record's size.
/// </summary>
public sealed class PrecompressedBodies(IResponseCompressionProvider compression)
{
    // Lazy, so that requests arriving together for a record not yet compressed compress it once.
    private readonly ConcurrentDictionary<(byte[] Body, string Encoding), Lazy<byte[]>> _kept = new();

    /// <summary>The body compressed as this request accepts, with its encoding's name; null to send it as it is.</summary>
    public (string Encoding, byte[] Body)? For(HttpContext context, byte[] body)
    {
        if (!compression.CheckRequestAcceptsCompression(context)
            || !compression.ShouldCompressResponse(context)
            || compression.GetCompressionProvider(context)?.EncodingName is not ({ } encoding and ("br" or "gzip")))
        {
            return null;
        }
        // The key holds the body by reference (arrays compare by reference); records' bodies live as long as the process.
        return (encoding, _kept.GetOrAdd((body, encoding), static key => new(() => Compress(key.Body, key.Encoding))).Value);
    }

    /// <summary>
    /// Brotli at quality 5 and gzip at its default level: at Brotli's highest quality the largest record (37 KB)
    /// came out 14% smaller but took 56 ms to compress instead of 0.6 ms, a cost every record would pay on its first
    /// compressed request.
    /// </summary>
    private static byte[] Compress(byte[] body, string encoding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding switch
        {
            "br" => new BrotliStream(output, new BrotliCompressionOptions { Quality = 5 }),
            "gzip" => new GZipStream(output, CompressionLevel.Optimal),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Only br and gzip bodies are kept."),
        })
        {
            compressor.Write(body);
        }
        return output.ToArray();
    }
}
