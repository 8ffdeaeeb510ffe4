namespace Perplexity.Async.Testing.Internal;

/// <summary>What an injected fault does to a request.</summary>
internal enum FaultKind
{
    /// <summary>Answers with a chosen status, body and <c>Retry-After</c>.</summary>
    Respond,

    /// <summary>Throws what <c>HttpClient</c> throws when its timeout elapses.</summary>
    TimeOut,

    /// <summary>Never answers; ends only when the request is cancelled.</summary>
    Hang,

    /// <summary>Throws <see cref="System.Net.Http.HttpRequestException"/> as for a refused connection.</summary>
    FailConnection,

    /// <summary>Waits on the emulator's clock, then answers normally.</summary>
    Delay,

    /// <summary>An Agent event stream that breaks (<see cref="System.IO.IOException"/>) after a number of events.</summary>
    DropStream,

    /// <summary>An Agent event stream that ends cleanly after a number of events, without its terminal event.</summary>
    EndStream,

    /// <summary>An Agent event stream that writes a bare <c>error</c> event after a number of events, then ends.</summary>
    ErrorEvent,
}
