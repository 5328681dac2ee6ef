using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace Transparency.Api.Query;

/// <summary>
/// The one validator of typed queries (<see cref="Operations.OperationQuery"/> and its kin), for REST and GraphQL alike.
/// It runs the rules each property declares and the record's own cross-field rules, writes valid values in canonical
/// form, and reports every mistake under the caller's own name for the field. What it reads by reflection (properties,
/// names, rules) is read once per type: it runs on every request.
/// </summary>
public static class QueryValidator
{
    private const string NamesKey = "names";
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertiesOf = new();
    private static readonly ConcurrentDictionary<PropertyInfo, string> RestNames = new();
    private static readonly ConcurrentDictionary<PropertyInfo, ValidationAttribute[]> RulesOf = new();
    private static readonly ConcurrentDictionary<(Type, Func<PropertyInfo, string>), Dictionary<string, string>> CallerNames = new();

    /// <summary>A property's name in a query string: its <c>[FromQuery(Name = …)]</c>, or the property name in camelCase.</summary>
    public static string RestName(PropertyInfo property) =>
        RestNames.GetOrAdd(property, p => p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? CamelCase(p.Name));

    /// <summary>A property's name in a GraphQL input: the property name in camelCase.</summary>
    public static string GraphQLName(PropertyInfo property) => CamelCase(property.Name);

    /// <summary>A query record's properties, those of its base record first (the filters before the order and page).</summary>
    public static PropertyInfo[] Properties(Type type) =>
        PropertiesOf.GetOrAdd(type, t => [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => Depth(p.DeclaringType!)).ThenBy(p => p.MetadataToken)]);

    private static int Depth(Type type) => type.BaseType is null ? 0 : 1 + Depth(type.BaseType);

    /// <summary>The caller's name for a property, inside a record's own <see cref="IValidatableObject.Validate"/>.</summary>
    public static string NameOf(ValidationContext context, string propertyName) =>
        context.Items.TryGetValue(NamesKey, out var names) && names is Func<string, string> nameOf ? nameOf(propertyName) : CamelCase(propertyName);

    /// <summary>Checks <paramref name="query"/> in place: canonical values written back, mistakes returned by the caller's field names.</summary>
    public static Dictionary<string, string[]> Validate(object query, IServiceProvider services, Func<PropertyInfo, string> nameOf)
    {
        var properties = Properties(query.GetType());
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string name, string message) => errors[name] = errors.TryGetValue(name, out var had) ? [.. had, message] : [message];

        foreach (var property in properties)
        {
            var name = nameOf(property);
            var value = property.GetValue(query);
            foreach (var rule in RulesOf.GetOrAdd(property, p => [.. p.GetCustomAttributes<ValidationAttribute>()]))
            {
                var result = rule.GetValidationResult(value, new ValidationContext(query, services, null) { MemberName = property.Name, DisplayName = name });
                if (result is not null)
                {
                    Add(name, result.ErrorMessage ?? $"'{name}' is not valid.");
                }
                else if (rule is ICanonicalForm canonical && value is not null)
                {
                    value = canonical.Canonical(value);
                    property.SetValue(query, value);
                }
            }
        }
        if (errors.Count == 0 && query is IValidatableObject record)
        {
            var byProperty = CallerNames.GetOrAdd((query.GetType(), nameOf), key => Properties(key.Item1).ToDictionary(p => p.Name, key.Item2, StringComparer.Ordinal));
            var context = new ValidationContext(query, services, new Dictionary<object, object?> { [NamesKey] = (Func<string, string>)(p => byProperty.GetValueOrDefault(p, p)) });
            foreach (var result in record.Validate(context))
            {
                Add(result.MemberNames.Select(m => byProperty.GetValueOrDefault(m, m)).FirstOrDefault() ?? "", result.ErrorMessage ?? "");
            }
        }
        return errors;
    }

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
