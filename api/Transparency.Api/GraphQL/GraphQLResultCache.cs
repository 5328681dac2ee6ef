using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace Transparency.Api.GraphQL;

/// <summary>
/// Results of successful queries, kept by the request's text: the served file never changes while the process
/// runs, so the same query with the same variables always has the same answer. Bounded by size.
/// </summary>
public sealed class GraphQLResultCache(long sizeLimitBytes) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = sizeLimitBytes });

    public static string Key(string query, string? operationName, string variables) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{query}\u0000{operationName}\u0000{variables}")));

    public bool TryGet(string key, out byte[] result) => _cache.TryGetValue(key, out result!);

    public void Add(string key, byte[] result) => _cache.Set(key, result, new MemoryCacheEntryOptions { Size = result.Length });

    public void Dispose() => _cache.Dispose();
}
