using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using Transparency.Api.Dataset;
using Transparency.Api.Query;

namespace Transparency.Api.Http;

/// <summary>Marks an endpoint whose query string is the typed record <see cref="Type"/>, for the OpenAPI document.</summary>
public sealed record QueryRecordMetadata(Type Type);

/// <summary>
/// Makes the OpenAPI document say what the API does. Query parameters take their description, example, enum (fixed sets;
/// the vocabularies' current ids are listed in words) and pattern from the typed query record; every response has a media type and schema (CSV as
/// text, the database as binary); and the answers every /v1 endpoint may give are listed: 304 to a matching
/// If-None-Match, 400 and 429 as problem+json.
/// </summary>
public sealed partial class OpenApiContract(Vocabulary vocabulary) : IOperationFilter
{
    private static readonly Lazy<XDocument?> XmlDocs = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Transparency.Api.xml");
        return File.Exists(path) ? XDocument.Load(path) : null;
    });

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<QueryRecordMetadata>().FirstOrDefault() is { } record)
        {
            DescribeParameters(operation, record.Type);
        }
        operation.Responses ??= [];
        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }
            if (concrete.Content?.TryGetValue("text/csv", out var csv) == true)
            {
                csv.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "RFC 4180 CSV with a header row, UTF-8." };
            }
            if (status.StartsWith('2') && concrete.Content is not { Count: > 0 })
            {
                var produced = metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>().FirstOrDefault(p => p.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) == status);
                foreach (var type in produced?.ContentTypes ?? [])
                {
                    concrete.Content ??= new Dictionary<string, OpenApiMediaType>();
                    concrete.Content[type] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
                }
            }
        }
        if (operation.Responses.TryGetValue("308", out var redirect) && redirect is OpenApiResponse moved)
        {
            moved.Description = "Permanent Redirect: the id was merged into another operation; the Location header names it.";
            moved.Headers ??= new Dictionary<string, IOpenApiHeader>();
            moved.Headers["Location"] = new OpenApiHeader { Description = "The operation it was merged into.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }
        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        OpenApiResponse Problem(string description) => new()
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
        };
        operation.Responses.TryAdd("304", new OpenApiResponse { Description = "Not Modified: the ETag sent in If-None-Match still matches; no body." });
        operation.Responses.TryAdd("400", Problem("Bad Request: an unknown parameter or a malformed value; detail says how to fix it."));
        var tooMany = Problem("Too Many Requests: this client's rate limit is used up.");
        tooMany.Headers = new Dictionary<string, IOpenApiHeader>
        {
            ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
        };
        operation.Responses.TryAdd("429", tooMany);
        foreach (var (status, response) in operation.Responses)
        {
            if (status is "400" or "404" or "410" && response is OpenApiResponse concrete && concrete.Content is not null && concrete.Content.TryGetValue("application/problem+json", out var media))
            {
                media.Schema = problem;
            }
        }
    }

    private void DescribeParameters(OpenApiOperation operation, Type record)
    {
        var properties = QueryValidator.Properties(record).ToDictionary(QueryValidator.RestName, StringComparer.Ordinal);
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.Name is null || !properties.TryGetValue(parameter.Name, out var property) || parameter.Schema is not OpenApiSchema schema)
            {
                continue;
            }
            var (summary, example) = Documentation(property);
            parameter.Description = summary;
            var values = schema.Type == JsonSchemaType.Array && schema.Items is OpenApiSchema items ? items : schema;
            if (schema.Type == JsonSchemaType.Array)
            {
                parameter.Style = ParameterStyle.Form;
                parameter.Explode = true;
                parameter.Description += " Repeat the parameter, or separate values with commas, for OR.";
            }
            if (property.GetCustomAttribute<OneOfAttribute>() is { } oneOf)
            {
                values.Enum = [.. oneOf.Values.Select(v => (JsonNode)JsonValue.Create(v)!)];
            }
            if (property.GetCustomAttribute<KnownIdsAttribute>() is { } ids)
            {
                // Not an enum: vocabularies grow with the data, and a client generated from today's list would refuse tomorrow's ids.
                parameter.Description += $" Ids in the data served: {string.Join(", ", KnownIdsAttribute.Known(vocabulary, ids.List).Order(StringComparer.Ordinal))}.";
            }
            if (property.GetCustomAttribute<CountryCodesAttribute>() is not null)
            {
                values.Pattern = "^[A-Za-z]{2}$";
            }
            if (property.GetCustomAttribute<PartialDateAttribute>() is not null)
            {
                values.Pattern = PartialDateAttribute.Pattern;
            }
            if (schema.Maximum == long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture) || schema.Maximum?.StartsWith("922337203685477", StringComparison.Ordinal) == true)
            {
                schema.Maximum = null;
            }
            if (example is not null)
            {
                JsonNode value = schema.Type == JsonSchemaType.Integer ? JsonValue.Create(long.Parse(example, System.Globalization.CultureInfo.InvariantCulture)) : JsonValue.Create(example);
                parameter.Example = schema.Type == JsonSchemaType.Array ? new JsonArray(value) : value;
                // Swashbuckle copies the <example> onto the schema too, as a string even for a list; the parameter's example is enough.
#pragma warning disable CS0618
                schema.Example = null;
                values.Example = null;
#pragma warning restore CS0618
            }
        }
    }

    /// <summary>A property's XML documentation: its summary (with <c>code</c> as backticks) and its example.</summary>
    private static (string? Summary, string? Example) Documentation(PropertyInfo property)
    {
        var member = XmlDocs.Value?.Descendants("member").FirstOrDefault(m => (string?)m.Attribute("name") == $"P:{property.DeclaringType!.FullName}.{property.Name}");
        string? Text(string element) => member?.Element(element) is { } node
            ? Whitespace().Replace(string.Concat(node.Nodes().Select(n => n is XElement { Name.LocalName: "c" } c ? $"`{c.Value}`" : n is XElement e ? e.Value : n.ToString())), " ").Trim()
            : null;
        return (Text("summary"), Text("example"));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>
/// Every property of a response record is always written (nulls too), so each is required in the document: a generated
/// client then types <c>items</c> as present and <c>nextCursor</c> as a string or null, not as maybe-missing.
/// </summary>
public sealed class EveryPropertyIsWritten : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema { Properties.Count: > 0 } concrete && context.Type.Namespace?.StartsWith("Transparency", StringComparison.Ordinal) == true)
        {
            concrete.Required = new SortedSet<string>(concrete.Properties.Keys, StringComparer.Ordinal);
        }
    }
}
