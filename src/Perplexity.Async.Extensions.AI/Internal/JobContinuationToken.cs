using System;
using System.Text;
using Microsoft.Extensions.AI;

namespace Perplexity.Async.Internal;

/// <summary>
/// The continuation token of a background response: the job id behind a fixed prefix, as UTF-8 bytes, so a token
/// saved with <see cref="ResponseContinuationToken.ToBytes"/> and restored with
/// <see cref="ResponseContinuationToken.FromBytes"/> still names its job, and a foreign token is recognised.
/// </summary>
internal static class JobContinuationToken
{
    private const string Prefix = "perplexity-async-job:";

    public static ResponseContinuationToken Create(string jobId) =>
        ResponseContinuationToken.FromBytes(Encoding.UTF8.GetBytes(Prefix + jobId));

    public static string ReadJobId(ResponseContinuationToken token, string parameterName)
    {
        var text = Encoding.UTF8.GetString(token.ToBytes().ToArray());
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length == Prefix.Length)
        {
            throw new ArgumentException(
                "ChatOptions.ContinuationToken is not the token of a Perplexity async job; pass the ContinuationToken of a response from this chat client.",
                parameterName);
        }

        return text.Substring(Prefix.Length);
    }
}
