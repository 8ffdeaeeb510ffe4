using System;
using System.Text.Json.Serialization;
using Perplexity.Async.Serialization;

namespace Perplexity.Async;

/// <summary>
/// The processing status of an asynchronous job: <c>CREATED</c> → <c>IN_PROGRESS</c> → <c>COMPLETED</c> or <c>FAILED</c>.
/// </summary>
/// <remarks>
/// An extensible enum: a value the API adds later deserializes, compares and serializes back unchanged.
/// Comparison ignores case; <see cref="ToString"/> returns the value exactly as received.
/// </remarks>
[JsonConverter(typeof(AsyncProcessingStatusConverter))]
public readonly struct AsyncProcessingStatus : IEquatable<AsyncProcessingStatus>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The wire value, for example <c>"CREATED"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public AsyncProcessingStatus(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The job is queued (<c>CREATED</c>).</summary>
    public static AsyncProcessingStatus Created { get; } = new("CREATED");

    /// <summary>The job is running (<c>IN_PROGRESS</c>).</summary>
    public static AsyncProcessingStatus InProgress { get; } = new("IN_PROGRESS");

    /// <summary>The job finished and its response is available (<c>COMPLETED</c>).</summary>
    public static AsyncProcessingStatus Completed { get; } = new("COMPLETED");

    /// <summary>The job failed; see the envelope's error message (<c>FAILED</c>).</summary>
    public static AsyncProcessingStatus Failed { get; } = new("FAILED");

    /// <summary>The wire value, exactly as received or created; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>
    /// <see langword="true"/> for <see cref="Completed"/> and <see cref="Failed"/>: the job will not change again.
    /// An unknown status is not terminal, so a waiter keeps polling.
    /// </summary>
    public bool IsTerminal => Equals(Completed) || Equals(Failed);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator ==(AsyncProcessingStatus left, AsyncProcessingStatus right) => left.Equals(right);

    /// <summary>Compares two values, ignoring case.</summary>
    public static bool operator !=(AsyncProcessingStatus left, AsyncProcessingStatus right) => !left.Equals(right);

    /// <summary>Converts a wire value to a <see cref="AsyncProcessingStatus"/>.</summary>
    public static implicit operator AsyncProcessingStatus(string value) => new(value);

    /// <inheritdoc/>
    public bool Equals(AsyncProcessingStatus other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AsyncProcessingStatus other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>Returns the wire value.</summary>
    public override string ToString() => Value;
}
