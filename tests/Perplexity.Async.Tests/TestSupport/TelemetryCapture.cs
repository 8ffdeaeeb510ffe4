using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Perplexity.Async.Tests.TestSupport;

/// <summary>
/// Listens to the <c>Perplexity.Async</c> activity source and meter for the life of a test. Both are process-wide,
/// so tests filter what they read by something only they use (a request id, a port, a route or a model name).
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    private const string Name = "Perplexity.Async";

    private readonly ActivityListener _activityListener;
    private readonly MeterListener _meterListener;
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public TelemetryCapture()
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_activityListener);

        _meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.Start();
    }

    public IReadOnlyList<Activity> Activities => [.. _activities];

    public IReadOnlyList<Measurement> Measurements => [.. _measurements];

    /// <summary>The measurements of one instrument whose tags include <paramref name="key"/> = <paramref name="value"/>.</summary>
    public IReadOnlyList<Measurement> MeasurementsOf(string instrument, string key, object value) =>
        [.. Measurements.Where(m => m.Instrument == instrument && m.Tags.TryGetValue(key, out var v) && Equals(v, value))];

    public void Dispose()
    {
        _activityListener.Dispose();
        _meterListener.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue(new Measurement(instrument.Name, instrument.Unit, value, copy));
    }

    public sealed record Measurement(string Instrument, string? Unit, double Value, Dictionary<string, object?> Tags);
}
