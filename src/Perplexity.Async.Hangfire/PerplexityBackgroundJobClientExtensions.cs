using System;
using System.Threading;
using Hangfire;
using Perplexity.Async.Hangfire.Jobs;

namespace Perplexity.Async;

/// <summary>Starts durable Agent API runs through Hangfire's job client.</summary>
public static class PerplexityBackgroundJobClientExtensions
{
    /// <summary>
    /// Enqueues a Hangfire job that creates the run exactly once, then checks it with delayed Hangfire jobs until it is
    /// finished and hands the final <see cref="AgentResponse"/> to <typeparamref name="THandler"/> (resolved from the job's
    /// dependency-injection scope) once, on whichever server picks up the last check. Any Hangfire storage works; register
    /// the services with <c>services.AddPerplexityAsync(…)</c> and <c>services.AddPerplexityHangfire()</c>.
    /// </summary>
    /// <typeparam name="THandler">What to do with the finished run.</typeparam>
    /// <param name="client">Hangfire's job client.</param>
    /// <param name="request">The run to create; it is validated now and sent in background mode by the job.</param>
    /// <returns>The id of the Hangfire job that creates the run (<see cref="PerplexityRunContext.StartJobId"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentException">The request is certainly invalid (no input, no model, <see cref="AgentRequest.Stream"/>
    /// set, <see cref="AgentRequest.Background"/> false); the message names the property.</exception>
    public static string StartPerplexityRun<THandler>(this IBackgroundJobClient client, AgentRequest request)
        where THandler : IPerplexityRunHandler
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        var json = RunRequest.Serialize(request, nameof(request));
        var label = RunRequest.Label(request);
        return client.Enqueue<PerplexityRunJob<THandler>>(job => job.StartAsync(label, json, null, CancellationToken.None));
    }
}
