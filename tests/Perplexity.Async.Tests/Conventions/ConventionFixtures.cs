#pragma warning disable CA1822, CA1034, CA1051, CA1064, CA1711, CA1716, CA1815, CA2225, CA1068, IDE0060
using System.Threading;

namespace Perplexity.Async.Tests.Conventions;

// Deliberately broken API shapes: ConventionRulesTests shows each rule reports them, so the convention tests can fail.

public sealed class BadAsyncApi
{
    public Task<int> Fetch(CancellationToken cancellationToken) => Task.FromResult(0);

    public Task SendAsync(string value) => Task.CompletedTask;

    public ValueTask PollAsync(CancellationToken cancellationToken, int attempts) => ValueTask.CompletedTask;

    public IAsyncEnumerable<int> StreamAsync() => AsyncEnumerable.Empty<int>();

    public Task<int> GoodAsync(string value, CancellationToken cancellationToken = default) => Task.FromResult(0);

    public int NotAsync() => 0;
}

public sealed class BadModelClass
{
    public string? Name { get; set; }
}

public record OpenRecord(string Name);

public sealed record MutableRecord
{
    public string? Name { get; set; }

    public string? Fine { get; init; }
}

public abstract record DerivableRecord
{
    protected DerivableRecord()
    {
    }
}

public abstract record ClosedRecord
{
    private protected ClosedRecord()
    {
    }
}

public struct MutableStruct
{
    public int Value;
}

public readonly struct FineStruct
{
    public int Value { get; init; }
}

public enum WireEnum
{
    Known,
}

public class BadClient : IDisposable
{
    public string? Field;

    public BadClient(string key)
    {
    }

    public string Route { get; } = string.Empty;

    public virtual string Fine { get; } = string.Empty;

    public Task<int> GetAsync(CancellationToken cancellationToken) => Task.FromResult(0);

    public virtual Task<int> VirtualAsync(CancellationToken cancellationToken) => Task.FromResult(0);

    public void Dispose() => GC.SuppressFinalize(this);
}

public sealed class SealedClient
{
}

public class GoodClient
{
    protected GoodClient()
    {
    }

    public virtual Task<int> GetAsync(CancellationToken cancellationToken) => Task.FromResult(0);
}

public class LooseException : Exception
{
}

public class OpenPerplexityException : PerplexityException
{
    public OpenPerplexityException()
        : base("open")
    {
    }
}
