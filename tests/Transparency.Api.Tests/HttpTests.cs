using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Transparency.Api.Tests.Support;

namespace Transparency.Api.Tests;

public sealed class HttpTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ACompressedBodyHasAnETagOfItsOwn()
    {
        using var compressed = new HttpRequestMessage(HttpMethod.Get, "/v1/operations?limit=5");
        compressed.Headers.AcceptEncoding.ParseAdd("gzip");
        var gzip = await _client.SendAsync(compressed);
        var identity = await _client.GetAsync("/v1/operations?limit=5");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/v1/operations?limit=5");
        conditional.Headers.AcceptEncoding.ParseAdd("gzip");
        conditional.Headers.IfNoneMatch.Add(gzip.Headers.ETag!);
        var again = await _client.SendAsync(conditional);

        Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
        Assert.Empty(identity.Content.Headers.ContentEncoding);
        Assert.NotEqual(gzip.Headers.ETag, identity.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("*", "br")]
    [InlineData("identity", null)]
    [InlineData("br;q=0", null)]
    public async Task ARecordGoesOutCompressedAsAskedWithItsLength(string acceptEncoding, string? encoding)
    {
        const string url = "/v1/operations/operation-alpha";
        var identity = await _client.GetAsync(url);
        HttpRequestMessage Asking(HttpMethod method)
        {
            var request = new HttpRequestMessage(method, url);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            return request;
        }

        using var get = Asking(HttpMethod.Get);
        var response = await _client.SendAsync(get);
        var body = await response.Content.ReadAsByteArrayAsync();
        using var head = Asking(HttpMethod.Head);
        var headResponse = await _client.SendAsync(head);
        using var conditional = Asking(HttpMethod.Get);
        conditional.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        var again = await _client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(encoding is null ? [] : [encoding], response.Content.Headers.ContentEncoding);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.Equal(await identity.Content.ReadAsByteArrayAsync(), Decompress(body, encoding));
        if (encoding is not null)
        {
            Assert.NotEqual(identity.Headers.ETag, response.Headers.ETag);
        }
        Assert.Equal(body.Length, headResponse.Content.Headers.ContentLength);
        Assert.Equal(response.Content.Headers.ContentEncoding, headResponse.Content.Headers.ContentEncoding);
        Assert.Equal(response.Headers.ETag, headResponse.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public async Task WithTheResponseCacheOnARecordIsStillSentAsEachClientAsks()
    {
        using var cached = factory.WithWebHostBuilder(b => b.UseSetting("Http:ResponseCacheBytes", "10000000"));
        var client = cached.CreateClient();
        const string url = "/v1/operations/operation-alpha";
        var identity = await _client.GetByteArrayAsync(url);

        foreach (var encoding in new[] { "br", null, "gzip", null, "br" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (encoding is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
            }
            var response = await client.SendAsync(request);

            Assert.Equal(encoding is null ? [] : [encoding], response.Content.Headers.ContentEncoding);
            Assert.Equal(identity, Decompress(await response.Content.ReadAsByteArrayAsync(), encoding));
        }
    }

    private static byte[] Decompress(byte[] body, string? encoding)
    {
        if (encoding is null)
        {
            return body;
        }
        using var compressed = new MemoryStream(body);
        using Stream decompressor = encoding == "br"
            ? new BrotliStream(compressed, CompressionMode.Decompress)
            : new GZipStream(compressed, CompressionMode.Decompress);
        using var decompressed = new MemoryStream();
        decompressor.CopyTo(decompressed);
        return decompressed.ToArray();
    }

    [Fact]
    public async Task ResponsesCarryAStrongETagAndAnswer304WhenItMatches()
    {
        var first = await _client.GetAsync("/v1/operations?platform=x");
        var etag = first.Headers.ETag;

        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Contains("max-age=", first.Headers.CacheControl?.ToString(), StringComparison.Ordinal);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/v1/operations?platform=x");
        conditional.Headers.IfNoneMatch.Add(etag);
        var second = await _client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());

        var other = await _client.GetAsync("/v1/operations?platform=tiktok");
        Assert.NotEqual(etag, other.Headers.ETag);
    }

    [Fact]
    public async Task ErrorsAreNotCached()
    {
        var response = await _client.GetAsync("/v1/operations?platform=nowhere");

        Assert.Null(response.Headers.ETag);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task CorsIsOpenForReads()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/platforms");
        request.Headers.Add("Origin", "https://notebook.example.org");

        var response = await _client.SendAsync(request);

        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task ResponsesAreCompressedWhenAsked()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/operations");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        var response = await _client.SendAsync(request);

        Assert.Contains("gzip", response.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("/v1/operations?format=csv", null)]
    [InlineData("/v1/operations", "text/csv")]
    public async Task OperationsStreamAsCsv(string url, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        var response = await _client.SendAsync(request);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("id,name,aliases,origin,targets,platforms,disclosed_by,", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("operation-alpha,Operation Alpha,ALPHAWAVE,NO,DK SE,facebook instagram x youtube,meta research-lab,2019-06,2021-02-15,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvHonoursTheFilters()
    {
        var csv = await _client.GetStringAsync("/v1/operations?format=csv&platform=tiktok");

        Assert.Equal(2, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("\noperation-beta,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatsCountFacetsUnderTheSameFilters()
    {
        var all = await (await _client.GetAsync("/v1/stats")).Json();
        var tiktok = await (await _client.GetAsync("/v1/stats?platform=tiktok")).Json();

        Assert.Equal(2, all.GetProperty("operations").GetInt64());
        Assert.Equal(2, all.GetProperty("byOrigin")[0].GetProperty("count").GetInt64());
        Assert.Equal("NO", all.GetProperty("byOrigin")[0].GetProperty("key").GetString());
        Assert.Equal(1, tiktok.GetProperty("operations").GetInt64());
        var byPlatform = tiktok.GetProperty("accountsRemovedByPlatform").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("count").GetInt64());
        Assert.Equal(200936, byPlatform["x"]);
        Assert.Equal(284, byPlatform["tiktok"]);
        Assert.Equal("2020", tiktok.GetProperty("byDisclosureYear")[0].GetProperty("key").GetString());
    }

    [Fact]
    public async Task TheDatabaseDownloadsIntact()
    {
        var response = await _client.GetAsync("/v1/dataset/download");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(await File.ReadAllBytesAsync(factory.DatabasePath), bytes);
        Assert.Equal("application/vnd.sqlite3", response.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary>The rate limiter, with a limit small enough to reach in a test.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly LimitedApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task TooManyRequestsAreAnswered429WithRetryAfter()
    {
        var client = _factory.CreateClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.GetAsync("/v1/platforms");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    private sealed class LimitedApiFactory : ApiFactoryBase
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Http:RequestsPerWindow", "3");
            builder.UseSetting("Http:Window", "00:01:00");
        }
    }
}
