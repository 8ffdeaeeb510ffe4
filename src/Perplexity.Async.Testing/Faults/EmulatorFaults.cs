using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using Perplexity.Async.Testing.Internal;

namespace Perplexity.Async.Testing;

/// <summary>
/// Fault injection: the next requests get an error status, a timeout, a hang or a broken connection instead of
/// the emulated API. Faults queue in the order they were added; each hits as many requests as it was given, then
/// the next one takes over. Stream faults (<see cref="FaultBuilder.DropStreamAfter"/>,
/// <see cref="FaultBuilder.EndStreamAfter"/>, <see cref="FaultBuilder.ErrorEventAfter"/>) queue apart: they hit only requests that the Agent API answers with an
/// event stream, and leave every other request alone. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// emulator.Faults
///     .Next(2).RespondWith(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(5))
///     .Next(1, HttpMethod.Get).RespondWith(HttpStatusCode.InternalServerError)
///     .Next(1).FailConnection();
/// </code>
/// </example>
public sealed class EmulatorFaults
{
    private readonly object _gate = new();
    private readonly List<Fault> _queue = new();

    internal EmulatorFaults()
    {
    }

    /// <summary>How many requests the queued faults will still hit.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _queue.Sum(f => f.Remaining);
            }
        }
    }

    /// <summary>Starts a fault for the next <paramref name="count"/> requests; say what happens to them on the result.</summary>
    /// <param name="count">How many requests the fault hits; at least 1.</param>
    /// <param name="method">Only requests with this method are hit (for example <see cref="HttpMethod.Get"/> to spare creates); any when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public FaultBuilder Next(int count, HttpMethod? method = null)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A fault hits at least one request.");
        }

        return new FaultBuilder(this, count, method);
    }

    /// <summary>Removes every queued fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
        }
    }

    internal void Add(Fault fault)
    {
        lock (_gate)
        {
            _queue.Add(fault);
        }
    }

    /// <summary>The first queued request fault that hits a request with this method, counted as used; null when none.</summary>
    internal Fault? TakeFor(HttpMethod method) => Take(method, streamFault: false);

    /// <summary>The first queued stream fault that hits a streamed answer to a request with this method; null when none.</summary>
    internal Fault? TakeStreamFault(HttpMethod method) => Take(method, streamFault: true);

    private Fault? Take(HttpMethod method, bool streamFault)
    {
        lock (_gate)
        {
            var fault = _queue.FirstOrDefault(f => f.IsStreamFault == streamFault && f.Hits(method));
            if (fault is null)
            {
                return null;
            }

            if (--fault.Remaining == 0)
            {
                _queue.Remove(fault);
            }

            return fault;
        }
    }
}
