namespace Perplexity.Async;

/// <summary>
/// What only a create sends: the idempotency key, and the <c>local_mode</c> and <c>x-…</c> headers of the create
/// request. Kept apart from <see cref="AsyncRequestOptions"/>, which every poll of a wait sends, so a key meant for one
/// job can never ride along on other calls.
/// </summary>
/// <example>
/// <code>
/// // A key of your own (a queue message's id, say): a create you repeat yourself, after a crash or a timeout, starts one job.
/// var job = await client.Sonar.CreateAsync(request, new AsyncCreateOptions { IdempotencyKey = message.Id }, cancellationToken);
/// </code>
/// </example>
public sealed class AsyncCreateOptions
{
    /// <summary>
    /// The <c>idempotency_key</c> of the create. When null, the client generates one per <c>CreateAsync</c> call and keeps
    /// it across that call's retries, so a retried create never starts a second (paid) job. Set it to carry the same
    /// key across your own retries: the key is the API's only duplicate guard, and every create sent with the same key
    /// is one job. Must not be empty or whitespace.
    /// </summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>The <c>local_mode</c> query parameter and <c>x-…</c> headers of the create request; none when null.</summary>
    public AsyncRequestOptions? RequestOptions { get; set; }
}
