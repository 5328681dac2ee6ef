using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Transparency.Api.Operations;

/// <summary>
/// Every operation's summary and detail as UTF-8 JSON, made once, the first time it is asked for (the served file
/// never changes while the process runs; making all of them at start-up held the server's first answer back by a
/// tenth of a second on the shipped data and 2.5 s on 10,000 operations). Registered as a converter of the API's
/// JSON options, it writes a record's bytes as they are, so a list or a lookup costs a copy per record rather than
/// a serialization; an object that is not one of the records (none today) is serialized as usual. The bytes are
/// made with the API's own options, so a response is byte for byte what serializing the object would give.
/// </summary>
public sealed class OperationJson : JsonConverterFactory
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<object, byte[]?> _bytes = new(ReferenceEqualityComparer.Instance);
    private JsonSerializerOptions? _plain;

    /// <summary>Takes a copy of the API's options to make the bytes with, then joins them as a converter.</summary>
    public void Attach(JsonSerializerOptions options)
    {
        _plain = new JsonSerializerOptions(options)
        {
            // Metadata generated at build time for the two records, so they are not discovered by reflection.
            TypeInfoResolver = JsonTypeInfoResolver.Combine(OperationJsonContext.Default, options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()),
        };
        options.Converters.Add(this);
    }

    /// <summary>
    /// Marks a record whose bytes are to be made on first use; called only while the records are read, before any
    /// request. Reading the API's options runs their set-up, which attaches this converter, so the first call does that.
    /// </summary>
    public void Keep(object record, IOptions<JsonOptions> apiOptions)
    {
        if (_plain is null)
        {
            _ = apiOptions.Value;
        }
        _bytes.TryAdd(record, null);
    }

    /// <summary>A record's JSON, made the first time it is asked for.</summary>
    public byte[] Of(object record) => _bytes[record] ?? Make(record);

    private byte[] Make(object record)
    {
        var plain = _plain ?? throw new InvalidOperationException("OperationJson is not attached to the API's JSON options.");
        var bytes = JsonSerializer.SerializeToUtf8Bytes(record, record.GetType(), plain);
        // Two requests may make the same record's bytes at once: all of them use the first stored, so that a record
        // has one array (compressed copies are kept by it).
        return _bytes.TryUpdate(record, bytes, null) ? bytes : _bytes[record]!;
    }

    public override bool CanConvert(Type typeToConvert) => typeToConvert == typeof(OperationSummary) || typeToConvert == typeof(OperationDetail);

    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        typeToConvert == typeof(OperationSummary) ? new Writer<OperationSummary>(this) : new Writer<OperationDetail>(this);

    private sealed class Writer<T>(OperationJson json) : JsonConverter<T>
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize<T>(ref reader, json._plain!);

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            if (json._bytes.TryGetValue(value!, out var bytes))
            {
                writer.WriteRawValue(bytes ?? json.Make(value!), skipInputValidation: true);
            }
            else
            {
                JsonSerializer.Serialize(writer, value, json._plain!);
            }
        }
    }
}

public static class OperationJsonServices
{
    /// <summary>Registers <see cref="OperationJson"/> and makes it one of the API's JSON converters.</summary>
    public static IServiceCollection AddOperationJson(this IServiceCollection services)
    {
        services.AddSingleton<OperationJson>();
        services.AddOptions<JsonOptions>().PostConfigure<OperationJson>((options, json) => json.Attach(options.SerializerOptions));
        return services;
    }
}

/// <summary>The records' serialization metadata, generated at build time; the API's options (names, number handling) still apply.</summary>
[JsonSerializable(typeof(OperationSummary))]
[JsonSerializable(typeof(OperationDetail))]
internal sealed partial class OperationJsonContext : JsonSerializerContext;
