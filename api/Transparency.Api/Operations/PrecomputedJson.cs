using System.Buffers;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Transparency.Api.Http;

namespace Transparency.Api.Operations;

/// <summary>
/// A 200 whose JSON is copied from records serialized once (<see cref="OperationJson"/>) instead of serialized per
/// request: the body's length is known, so it goes out with Content-Length in one write. The bytes are those the
/// serializer would write (tests compare pages and records with their snapshots); OpenAPI describes the body as
/// <typeparamref name="T"/>, the contract it is the JSON of. A whole record is sent compressed from a kept copy
/// when the client accepts compression (<see cref="PrecompressedBodies"/>); a page is left to the response compression.
/// </summary>
public sealed class PrecomputedJson<T>(List<ReadOnlyMemory<byte>> parts, byte[]? record = null) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult
{
    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        if (record is not null && httpContext.RequestServices.GetRequiredService<PrecompressedBodies>().For(httpContext, record) is { } compressed)
        {
            // The response compression leaves a body that already has an encoding alone. It has replaced Body with
            // its own stream, which BodyWriter would only wrap in a pipe: written to Body, the bytes are copied once.
            response.Headers.ContentEncoding = compressed.Encoding;
            response.ContentLength = compressed.Body.Length;
            await response.Body.WriteAsync(compressed.Body, httpContext.RequestAborted);
            return;
        }
        response.ContentLength = parts.Sum(p => (long)p.Length);
        foreach (var part in parts)
        {
            response.BodyWriter.Write(part.Span);
        }
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }

#pragma warning disable CA1000 // The interface asks for a static member.
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
#pragma warning restore CA1000
}

/// <summary>Bodies of <see cref="PrecomputedJson{T}"/>.</summary>
public static class PrecomputedJson
{
    private static readonly byte[] Comma = ","u8.ToArray();
    private static readonly byte[] ItemsStart = "{\"items\":["u8.ToArray();
    private static readonly byte[] ItemsEnd = "],"u8.ToArray();

    /// <summary>One record's JSON.</summary>
    public static PrecomputedJson<T> Record<T>(byte[] json) => new([json], record: json);

    /// <summary>A page as <see cref="OperationPage"/> serializes: <c>{"items":[…],"nextCursor":…,"totalCount":…}</c>.</summary>
    public static PrecomputedJson<OperationPage> Page(IEnumerable<byte[]> items, string? nextCursor, long totalCount)
    {
        var parts = new List<ReadOnlyMemory<byte>> { ItemsStart };
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                parts.Add(Comma);
            }
            parts.Add(item);
            first = false;
        }
        var tail = new ArrayBufferWriter<byte>(128);
        using (var writer = new System.Text.Json.Utf8JsonWriter(tail))
        {
            // The cursor is base64url, which JSON never escapes; the writer still quotes it as the serializer would.
            writer.WriteStartObject();
            writer.WriteString("nextCursor", nextCursor);
            writer.WriteNumber("totalCount", totalCount);
            writer.WriteEndObject();
        }
        // "],", then the trailer's properties without its opening brace.
        parts.Add(ItemsEnd);
        parts.Add(tail.WrittenMemory[1..]);
        return new(parts);
    }
}
