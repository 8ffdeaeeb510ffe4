using WireMock.Server;

namespace Perplexity.Async.Tests.TestSupport;

/// <summary>One WireMock server per test class, reset before each test by <see cref="WireMockTestBase"/>.</summary>
public sealed class WireMockFixture : IDisposable
{
    public WireMockServer Server { get; } = WireMockServer.Start();

    public void Dispose() => Server.Stop();
}
