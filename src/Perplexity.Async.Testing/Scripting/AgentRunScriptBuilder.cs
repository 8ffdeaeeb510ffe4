using System;
using Perplexity.Async.Testing.Internal.Agent;

namespace Perplexity.Async.Testing;

/// <summary>
/// Sets how scripted Agent runs behave. Every call takes effect at once and returns the builder, so calls chain; an
/// outcome replaces the previous one, and a duration not set stays as configured. By default a run completes with a
/// generated answer about its prompt, after the duration of its preset (or model).
/// </summary>
public sealed class AgentRunScriptBuilder
{
    private readonly Action<Func<AgentScript, AgentScript>> _apply;

    internal AgentRunScriptBuilder(Action<Func<AgentScript, AgentScript>> apply) => _apply = apply;

    /// <summary>How long the runs stay <c>queued</c>; overrides <see cref="PerplexityEmulatorOptions.AgentQueuedDuration"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public AgentRunScriptBuilder QueuedFor(TimeSpan duration)
    {
        var value = NonNegative(duration, nameof(duration));
        return Apply(s => s with { Queued = value });
    }

    /// <summary>
    /// How long the runs stay <c>in_progress</c> before their terminal event; by default the preset's (or model's)
    /// duration less the queued time.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    public AgentRunScriptBuilder RunningFor(TimeSpan duration)
    {
        var value = NonNegative(duration, nameof(duration));
        return Apply(s => s with { Running = value });
    }

    /// <summary>The runs complete with a generated answer about their prompt, citing their search results (the default).</summary>
    public AgentRunScriptBuilder Complete() => Apply(s => s with { Outcome = AgentOutcome.Complete, Text = null });

    /// <summary>The runs complete with <paramref name="text"/> as the message's <c>output_text</c> (streamed word by word).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public AgentRunScriptBuilder CompleteWith(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        return Apply(s => s with { Outcome = AgentOutcome.Complete, Text = text });
    }

    /// <summary>
    /// The runs end <c>failed</c> after their searches, with <c>error</c> = {<paramref name="code"/>,
    /// <paramref name="message"/>, <paramref name="type"/>}, partial output and no message or usage; a stream ends
    /// with <c>response.failed</c>.
    /// </summary>
    /// <param name="message">The error's message.</param>
    /// <param name="type">The error's type. Defaults to <c>internal_error</c>.</param>
    /// <param name="code">The error's code (a string, as in the run's <c>error</c>). Defaults to <c>internal_error</c>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public AgentRunScriptBuilder Fail(string message = AgentScript.DefaultErrorMessage, string type = AgentScript.DefaultErrorType, string code = AgentScript.DefaultErrorCode)
    {
        if (message is null || type is null || code is null)
        {
            throw new ArgumentNullException(message is null ? nameof(message) : type is null ? nameof(type) : nameof(code));
        }

        return Apply(s => s with { Outcome = AgentOutcome.Fail, Text = null, ErrorMessage = message, ErrorType = type, ErrorCode = code });
    }

    /// <summary>
    /// The runs end <c>incomplete</c> with <c>incomplete_details.reason</c> <c>max_output_tokens</c>: the message
    /// holds the first half of the answer (or of <paramref name="text"/>), and usage is present.
    /// </summary>
    /// <param name="text">The whole answer the cut one is taken from; a generated one when null.</param>
    public AgentRunScriptBuilder EndIncomplete(string? text = null) => Apply(s => s with { Outcome = AgentOutcome.Incomplete, Text = text });

    /// <summary>
    /// The server cancels the runs after their searches: they end <c>cancelled</c> exactly as after a cancel through
    /// the API (error and <c>incomplete_details</c> "cancelled", partial output, no usage).
    /// </summary>
    public AgentRunScriptBuilder CancelByServer() => Apply(s => s with { Outcome = AgentOutcome.CancelByServer, Text = null });

    /// <summary>The runs search and then stay <c>in_progress</c> until they are cancelled.</summary>
    public AgentRunScriptBuilder NeverFinish() => Apply(s => s with { Outcome = AgentOutcome.NeverFinish, Text = null });

    /// <summary>
    /// The runs call the function <paramref name="name"/>: they end <c>completed</c> with one <c>function_call</c>
    /// item (a fresh <c>call_id</c>, <paramref name="argumentsJson"/> as its arguments) and no message. A run whose
    /// input answers the call (it holds a <c>function_call_output</c>) completes instead with
    /// <paramref name="answer"/>, or with <c>Function results: </c> followed by the outputs, so a function invocation
    /// loop (Microsoft.Extensions.AI's <c>UseFunctionInvocation()</c>) ends. The request should declare the function as
    /// a tool; the emulator does not check that it does.
    /// </summary>
    /// <param name="name">The function's name.</param>
    /// <param name="argumentsJson">The call's arguments, a JSON object as text. Defaults to <c>{}</c>.</param>
    /// <param name="answer">The answer once the call is answered; null for one quoting the function's outputs.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null, empty or whitespace, or
    /// <paramref name="argumentsJson"/> is not a JSON object.</exception>
    public AgentRunScriptBuilder CallFunction(string name, string argumentsJson = "{}", string? answer = null)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A function name is required.", nameof(name));
        }

        if (!IsJsonObject(argumentsJson))
        {
            throw new ArgumentException("The arguments must be a JSON object, for example {\"city\":\"Paris\"}.", nameof(argumentsJson));
        }

        return Apply(s => s with { Outcome = AgentOutcome.CallFunction, Text = answer, FunctionName = name, FunctionArguments = argumentsJson });
    }

    /// <summary>
    /// How long after the runs end their streams can be resumed; overrides
    /// <see cref="PerplexityEmulatorOptions.AgentReplayWindow"/>. <see cref="TimeSpan.Zero"/> expires the replay as soon
    /// as a run ends; <see cref="PerplexityEmulator.ExpireAgentReplay"/> expires one run's at once.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is negative.</exception>
    public AgentRunScriptBuilder ReplayAvailableFor(TimeSpan window)
    {
        var value = NonNegative(window, nameof(window));
        return Apply(s => s with { ReplayWindow = value });
    }

    private static bool IsJsonObject(string? json)
    {
        if (json is null)
        {
            return false;
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static TimeSpan NonNegative(TimeSpan duration, string name) =>
        duration >= TimeSpan.Zero ? duration : throw new ArgumentOutOfRangeException(name, duration, "A duration cannot be negative.");

    private AgentRunScriptBuilder Apply(Func<AgentScript, AgentScript> update)
    {
        _apply(update);
        return this;
    }
}
