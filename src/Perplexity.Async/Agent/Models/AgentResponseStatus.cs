using System;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization.Agent;

namespace Perplexity.Async;

/// <summary>
/// The status of an Agent API run (<c>status</c>): <c>queued</c> → <c>in_progress</c> → <c>completed</c>, <c>incomplete</c>,
/// <c>failed</c> or <c>cancelled</c>. Also the status of some output items (a message, a function call).
/// </summary>
/// <remarks>
/// An extensible enum: a value the API adds later deserializes, compares and serializes back unchanged.
/// Comparison ignores case; <see cref="ToString"/> returns the value exactly as received.
/// </remarks>
[JsonConverter(typeof(AgentResponseStatusConverter))]
public readonly struct AgentResponseStatus : IEquatable<AgentResponseStatus>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>"queued"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public AgentResponseStatus(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Accepted and waiting to start; a background create returns this at once (<c>queued</c>).</summary>
    public static AgentResponseStatus Queued { get; } = new("queued");

    /// <summary>Running; a GET may already show partial output (<c>in_progress</c>).</summary>
    public static AgentResponseStatus InProgress { get; } = new("in_progress");

    /// <summary>Finished; the output and the usage are final (<c>completed</c>).</summary>
    public static AgentResponseStatus Completed { get; } = new("completed");

    /// <summary>Finished early, for example at <c>max_output_tokens</c>; see <c>incomplete_details</c>. Its output and usage are kept (<c>incomplete</c>).</summary>
    public static AgentResponseStatus Incomplete { get; } = new("incomplete");

    /// <summary>Failed; see <c>error</c> (<c>failed</c>).</summary>
    public static AgentResponseStatus Failed { get; } = new("failed");

    /// <summary>Stopped by a cancel request; the output gathered so far is kept, the usage is not reported (<c>cancelled</c>).</summary>
    public static AgentResponseStatus Cancelled { get; } = new("cancelled");

    /// <summary>Listed by older official SDKs but never seen on the wire; not terminal (<c>requires_action</c>).</summary>
    public static AgentResponseStatus RequiresAction { get; } = new("requires_action");

    /// <summary>The wire value, exactly as received or created; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>
    /// <see langword="true"/> for <see cref="Completed"/>, <see cref="Incomplete"/>, <see cref="Failed"/> and
    /// <see cref="Cancelled"/>: the run will not change again. <see cref="Queued"/>, <see cref="InProgress"/>,
    /// <see cref="RequiresAction"/> and any unknown status are not terminal, so a waiter keeps polling.
    /// </summary>
    /// <remarks>
    /// Every status arrives with HTTP 200: a failed or cancelled run is not an HTTP error, so branch on the status.
    /// <c>cancelling</c> is not a status of a run; it only appears in the acknowledgement of a cancel request.
    /// </remarks>
    public bool IsTerminal => Equals(Completed) || Equals(Incomplete) || Equals(Failed) || Equals(Cancelled);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(AgentResponseStatus left, AgentResponseStatus right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(AgentResponseStatus left, AgentResponseStatus right) => !left.Equals(right);

    /// <summary>Converts a wire value to a <see cref="AgentResponseStatus"/>.</summary>
    public static implicit operator AgentResponseStatus(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(AgentResponseStatus other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AgentResponseStatus other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;
}
