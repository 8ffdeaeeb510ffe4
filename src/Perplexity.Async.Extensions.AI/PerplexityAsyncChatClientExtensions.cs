using System;
using Microsoft.Extensions.AI;

namespace Perplexity.Async;

/// <summary>Turns a <see cref="PerplexityAsyncClient"/> into a Microsoft.Extensions.AI <see cref="IChatClient"/>.</summary>
/// <remarks>
/// With dependency injection, register the Perplexity client and then the chat client through Microsoft.Extensions.AI's
/// builder, so middleware composes:
/// <code>
/// services.AddPerplexityAsync(o =&gt; o.ApiKey = configuration["Perplexity:ApiKey"]);
/// services.AddChatClient(sp =&gt; sp.GetRequiredService&lt;PerplexityAsyncClient&gt;().AsIChatClient())
///     .UseLogging()
///     .UseOpenTelemetry();
/// </code>
/// </remarks>
public static class PerplexityAsyncChatClientExtensions
{
    /// <summary>
    /// Wraps <paramref name="client"/> in a <see cref="PerplexityAsyncChatClient"/>: each call is a run on the chosen
    /// route (the Agent API by default), waited for. The chat client borrows <paramref name="client"/> and never disposes it.
    /// </summary>
    /// <param name="client">The Perplexity client.</param>
    /// <param name="options">The default model (the <c>medium</c> preset), route (Agent), polling and create options; the defaults when null.</param>
    /// <returns>The chat client.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting in <paramref name="options"/> is invalid; the message names it.</exception>
    /// <example>
    /// <code>
    /// IChatClient chat = new ChatClientBuilder(client.AsIChatClient())
    ///     .UseLogging(loggerFactory)
    ///     .Build();
    /// ChatResponse answer = await chat.GetResponseAsync("Summarise this year's fusion energy milestones.");
    /// </code>
    /// </example>
    public static IChatClient AsIChatClient(this PerplexityAsyncClient client, PerplexityAsyncChatClientOptions? options) =>
        new PerplexityAsyncChatClient(client, options);

    /// <summary>
    /// Wraps <paramref name="client"/> in a <see cref="PerplexityAsyncChatClient"/> with the default options:
    /// the <c>medium</c> preset on the Agent API, the client's polling options.
    /// </summary>
    /// <param name="client">The Perplexity client.</param>
    /// <returns>The chat client.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    public static IChatClient AsIChatClient(this PerplexityAsyncClient client) =>
        new PerplexityAsyncChatClient(client, options: null);

    /// <summary>Wraps <paramref name="client"/> in a <see cref="PerplexityAsyncChatClient"/> whose default model is <paramref name="defaultModelId"/>.</summary>
    /// <param name="client">The Perplexity client.</param>
    /// <param name="defaultModelId">The model used when a call names none: a preset (<c>fast</c>, <c>high</c>) or a <c>provider/model</c> id.</param>
    /// <returns>The chat client.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="defaultModelId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="defaultModelId"/> is empty or whitespace.</exception>
    public static IChatClient AsIChatClient(this PerplexityAsyncClient client, string defaultModelId) =>
        new PerplexityAsyncChatClient(
            client,
            new PerplexityAsyncChatClientOptions { DefaultModelId = defaultModelId ?? throw new ArgumentNullException(nameof(defaultModelId)) });
}
