using System.Diagnostics;

namespace Perplexity.Async.Tests.TestSupport;

/// <summary>
/// Collects everything the SDK produced for one client (exceptions and their whole inner chains, every log entry,
/// every span of the test's server port) and searches it for the API key or a piece of it.
/// </summary>
public sealed class LeakScan : IDisposable
{
    /// <summary>A 53-character key whose letters after <c>pplx-</c> never spell the start of the key again.</summary>
    public static readonly string LongKey = "pplx-" + string.Concat(Enumerable.Range(0, 48).Select(i => "ABCDEFGHJKMNQRSTUVWYZ23456789"[i % 29]));

    private readonly List<string> _texts = [];
    private readonly int _port;

    public LeakScan(string key, int port)
    {
        Key = key;
        _port = port;
    }

    public string Key { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public TelemetryCapture Telemetry { get; } = new();

    /// <summary>Options for a client of <paramref name="baseAddress"/> with this scan's key and logger, no retries.</summary>
    public PerplexityAsyncClientOptions Options(Uri baseAddress) => new()
    {
        ApiKey = Key,
        BaseAddress = baseAddress,
        MaxRetries = 0,
        LoggerFactory = Logs,
    };

    /// <summary>Adds an exception: its <c>ToString()</c>, every message of its chain, and the body text it carries.</summary>
    public void Add(Exception exception)
    {
        _texts.Add(exception.ToString());
        for (var e = exception; e is not null; e = e.InnerException)
        {
            _texts.Add(e.Message);
            switch (e)
            {
                case PerplexityProtocolException protocol:
                    _texts.Add(protocol.BodyExcerpt ?? string.Empty);
                    break;
                case PerplexityApiException api:
                    _texts.Add(api.Details.ResponseBody ?? string.Empty);
                    _texts.Add(api.Details.ErrorMessage ?? string.Empty);
                    break;
            }
        }
    }

    /// <summary>Everything collected, with every log entry and every span sent to this scan's port.</summary>
    public IReadOnlyList<string> Texts()
    {
        var texts = new List<string>(_texts);
        foreach (var entry in Logs.Entries)
        {
            texts.Add(entry.Message);
            texts.Add(entry.Exception?.ToString() ?? string.Empty);
            texts.AddRange(entry.State.Select(kv => $"{kv.Key}={kv.Value}"));
        }

        foreach (var activity in Spans())
        {
            texts.Add(activity.DisplayName);
            texts.Add(activity.StatusDescription ?? string.Empty);
            texts.AddRange(activity.TagObjects.Select(t => $"{t.Key}={t.Value}"));
            texts.AddRange(activity.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}")));
        }

        return texts;
    }

    /// <summary>The spans of requests to this scan's port.</summary>
    public IReadOnlyList<Activity> Spans() =>
        [.. Telemetry.Activities.Where(a => a.GetTagItem("server.port") is int port && port == _port)];

    /// <summary>No collected text holds the key's first <paramref name="length"/> characters (the whole key by default).</summary>
    public void ShouldHoldNoKey(int? length = null)
    {
        var piece = Key[..(length ?? Key.Length)];
        Texts().Where(t => t.Contains(piece, StringComparison.Ordinal)).ShouldBeEmpty();
    }

    /// <summary>Some collected text shows the mask, so the echoed key was seen and masked (not merely absent).</summary>
    public void ShouldShowTheMask() =>
        Texts().ShouldContain(t => t.Contains("[REDACTED]", StringComparison.Ordinal), "the echoed key was seen and masked");

    public void Dispose()
    {
        Telemetry.Dispose();
        Logs.Dispose();
    }
}
