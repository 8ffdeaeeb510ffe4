using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Perplexity.Async.Internal;

/// <summary>One route family behind <see cref="PerplexityAsyncChatClient"/>: the Agent API, or the legacy async chat completions.</summary>
internal interface IChatRoute
{
    Task<ChatResponse> GetResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken);

    IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken);

    /// <summary>The route's own client, when it is an instance of <paramref name="serviceType"/>; null otherwise.</summary>
    object? GetService(Type serviceType);
}
