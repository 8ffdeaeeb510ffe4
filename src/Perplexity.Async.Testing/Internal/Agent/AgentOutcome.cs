namespace Perplexity.Async.Testing.Internal.Agent;

/// <summary>How a scripted Agent run ends.</summary>
internal enum AgentOutcome
{
    /// <summary><c>completed</c>, with a generated or scripted answer.</summary>
    Complete,

    /// <summary><c>failed</c>, with the scripted <c>error</c>; no message.</summary>
    Fail,

    /// <summary><c>incomplete</c> (<c>max_output_tokens</c>): half the answer, usage present.</summary>
    Incomplete,

    /// <summary><c>cancelled</c> by the server after its searches, as if cancelled through the API.</summary>
    CancelByServer,

    /// <summary>It searches and then stays <c>in_progress</c> until cancelled.</summary>
    NeverFinish,

    /// <summary>
    /// <c>completed</c> with one <c>function_call</c> item and no message; once the input answers it (a
    /// <c>function_call_output</c>), <c>completed</c> with an answer.
    /// </summary>
    CallFunction,
}
