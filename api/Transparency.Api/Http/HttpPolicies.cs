using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Transparency.Api.Dataset;

namespace Transparency.Api.Http;

/// <summary>Limits that bound every request, from configuration section <c>Http</c>.</summary>
public sealed class HttpOptions
{
    public const string Section = "Http";

    /// <summary>Requests one client (by IP address) may make per window.</summary>
    public int RequestsPerWindow { get; set; } = 600;

    /// <summary>The rate limiter's window.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one request may run before it is answered 503.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long clients and caches may reuse a response without asking again.</summary>
    public TimeSpan CacheMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Memory for responses kept by the server, in bytes; 0 (the default) keeps none.</summary>
    public long ResponseCacheBytes { get; set; }

    /// <summary>
    /// The largest request body any endpoint reads, in bytes. Only POST /graphql takes a body, and its document is
    /// capped far lower (GraphQL:MaxDocumentBytes); 64 KiB leaves room for variables.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;
}

/// <summary>
/// HTTP done right for an immutable dataset: strong ETags, 304s, Cache-Control, open CORS for reads,
/// compression, a per-client rate limiter answering 429 with Retry-After, request time-outs, and (when
/// configured) a server-side cache of responses.
/// </summary>
public static class HttpPolicies
{
    public const string CorsPolicy = "read-only";

    public static IServiceCollection AddHttpPolicies(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(HttpOptions.Section).Get<HttpOptions>() ?? new HttpOptions();
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods("GET", "HEAD")
            .WithExposedHeaders("ETag", "Link", "Retry-After")));
        services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
            compression.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/problem+json", "text/csv"];
        });
        services.AddSingleton<PrecompressedBodies>();
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RequestsPerWindow, Window = options.Window, QueueLimit = 0 }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : options.Window;
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests.",
                    detail: $"This client made more than {options.RequestsPerWindow} requests in {options.Window.TotalSeconds:0} seconds. Retry after {response.Headers.RetryAfter} seconds, or download the whole database from /v1/dataset/download.")
                    .ExecuteAsync(rejected.HttpContext);
            };
        });
        services.AddRequestTimeouts(timeouts => timeouts.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = options.RequestTimeout,
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
        });
        // The served file never changes while the process runs, so a response, once made, stays right until
        // restart and could be kept. It is not by default: answers come from records made at start-up, so a kept
        // response saves little, and varied requests (most of researchers' traffic) fill a cache with answers
        // nobody asks for again (docs/performance.md has the measurements). A size above 0 turns it on.
        if (options.ResponseCacheBytes > 0)
        {
            services.AddOutputCache(cache =>
            {
                cache.SizeLimit = options.ResponseCacheBytes;
                cache.AddBasePolicy(policy => policy.Expire(TimeSpan.FromDays(365)).SetVaryByHeader("Accept").AddPolicy<OnlyWholeBodies>());
            });
        }
        // Kestrel reads only its endpoints from configuration: bind its limits (connections, header size) too,
        // and cap every request body at the one setting the API documents.
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            configuration.GetSection("Kestrel:Limits").Bind(kestrel.Limits);
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
        });
        services.AddSingleton(options);
        return services;
    }

    public static WebApplication UseHttpPolicies(this WebApplication app)
    {
        app.Use(HeadAsGet);
        app.Use(LimitRequestBody);
        // Routing after HEAD became GET, so that HEAD finds the GET endpoint; everything below sees the endpoint.
        app.UseRouting();
        app.UseResponseCompression();
        app.UseCors(CorsPolicy);
        app.UseRateLimiter();
        app.UseRequestTimeouts();
        // Everything below reads the dataset: a request that comes while it is being read waits here, after the
        // middleware above has been warmed by it.
        app.Use(app.Services.GetRequiredService<Hosting.DatasetLoading>().Gate);
        app.Use(ConditionalGet);
        if (app.Services.GetRequiredService<HttpOptions>().ResponseCacheBytes > 0)
        {
            app.UseOutputCache();
        }
        return app;
    }

    /// <summary>Gives endpoints outside /v1 (the explorer's pages) the same ETag, 304 and Cache-Control as the API.</summary>
    public static TBuilder WithDatasetETag<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new DatasetResponse());

    /// <summary>Marks an endpoint whose response is fully determined by the dataset and the request.</summary>
    private sealed class DatasetResponse;

    /// <summary>
    /// HTTP requires HEAD wherever GET is served: the request runs as a GET (same status and headers, ETag and 304
    /// included), the body is counted instead of sent, and its length becomes Content-Length (unless it is compressed
    /// as it is sent; a body kept compressed sets its own).
    /// </summary>
    private static async Task HeadAsGet(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        var body = context.Response.Body;
        var counter = new CountingStream();
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = counter;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Response.Body = body;
        }
        // A body compressed as it is sent has a length that depends on how the compressor was flushed, so GET sends it
        // chunked: so does HEAD.
        if (!context.Response.HasStarted && context.Response.ContentLength is null && counter.Length > 0
            && Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(context.Response.Headers.ContentEncoding))
        {
            context.Response.ContentLength = counter.Length;
        }
    }

    /// <summary>
    /// One cap on every request body, answered 413 with the setting's name. A declared length is refused before
    /// anything is read; a chunked body is stopped by the server's own limit (set from the same option) while it is read.
    /// </summary>
    private static Task LimitRequestBody(HttpContext context, RequestDelegate next)
    {
        var limit = context.RequestServices.GetRequiredService<HttpOptions>().MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return TooLarge(context, limit);
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        return next(context);
    }

    /// <summary>The 413 answer for a body over <see cref="HttpOptions.MaxRequestBodyBytes"/>.</summary>
    public static Task TooLarge(HttpContext context, long limit) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large.",
            detail: $"Request bodies may be at most {limit} bytes (Http:MaxRequestBodyBytes).").ExecuteAsync(context);

    /// <summary>
    /// The response cache keeps only bodies that were made whole: not a streamed export (a CSV of the whole
    /// filtered set, which may run to megabytes and would push hundreds of small answers out of the cache, and
    /// is cheap to make again), and nothing from a request that was aborted or failed part-way.
    /// </summary>
    private sealed class OnlyWholeBodies : IOutputCachePolicy
    {
        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            if (response.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true
                || context.HttpContext.RequestAborted.IsCancellationRequested)
            {
                context.AllowCacheStorage = false;
            }
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Counts what a HEAD request's handler writes, and sends none of it.</summary>
    private sealed class CountingStream : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }

        private long _length;

        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _length += count;
            return Task.CompletedTask;
        }
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
        public override void Flush() { }
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>
    /// The dataset never changes while the process runs, so a response is fully determined by the file and
    /// the request: the ETag hashes both, and a matching If-None-Match is answered 304 without running the query.
    /// </summary>
    private static Task ConditionalGet(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || !(request.Path.StartsWithSegments("/v1") || context.GetEndpoint()?.Metadata.GetMetadata<DatasetResponse>() is not null))
        {
            return next(context);
        }
        var dataset = context.RequestServices.GetRequiredService<DatasetFile>();
        var options = context.RequestServices.GetRequiredService<HttpOptions>();
        // A strong ETag names one representation: the compressed and the identity body of a URL differ, so the
        // encodings the client accepts (which choose the body) are part of the key, as the media types it accepts are.
        var key = $"{dataset.Sha256}\n{request.Path}\n{request.QueryString}\n{request.Headers.Accept}\n{request.Headers.AcceptEncoding}";
        // A fast non-cryptographic hash: the tag only tells representations apart, nobody forges one against us.
        var etag = $"\"{Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(key)))}\"";
        var response = context.Response;
        response.Headers.CacheControl = $"public, max-age={(int)options.CacheMaxAge.TotalSeconds}";
        response.Headers.Vary = "Accept, Accept-Encoding";
        if (request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.Headers.ETag = etag;
            return Task.CompletedTask;
        }
        response.OnStarting(() =>
        {
            if (response.StatusCode is >= 200 and < 300)
            {
                response.Headers.ETag = etag;
            }
            else
            {
                response.Headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
