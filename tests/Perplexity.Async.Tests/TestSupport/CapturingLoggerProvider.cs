using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Perplexity.Async.Tests.TestSupport;

/// <summary>Captures every log entry at every level, including Trace, with its category, event id and text.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ILoggerFactory
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>Everything written, one entry per line (message, exception and structured values), to search for secrets.</summary>
    public string AllText => string.Join(
        Environment.NewLine,
        Entries.Select(e => $"{e.Category} {e.EventId} {e.Message} {e.Exception} {string.Join(",", e.State.Select(kv => kv.Key + "=" + kv.Value))}"));

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    public sealed record LogEntry(
        string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception, IReadOnlyList<KeyValuePair<string, object?>> State)
    {
        public object? this[string key] => State.FirstOrDefault(kv => kv.Key == key).Value;
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception, [.. values]));
        }
    }
}
