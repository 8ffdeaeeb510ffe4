using Microsoft.Extensions.AI;

namespace Perplexity.Async.Tests.ExtensionsAI;

/// <summary>Construction, GetService and the metadata Microsoft.Extensions.AI reads.</summary>
public sealed class ChatClientMetadataTests : IDisposable
{
    private readonly ChatClientHarness _harness = new();

    [Fact]
    public void GetService_ChatClientMetadata_NamesPerplexityTheClientsAddressAndTheDefaultModel()
    {
        var metadata = _harness.ChatClient.GetService<ChatClientMetadata>().ShouldNotBeNull();

        metadata.ProviderName.ShouldBe("perplexity");
        metadata.ProviderUri.ShouldBe(_harness.Emulator.BaseAddress);
        metadata.DefaultModelId.ShouldBe("sonar-deep-research");
    }

    [Fact]
    public void GetService_ChatClientMetadata_ReportsTheConfiguredDefaultModel()
    {
        using var chat = _harness.Client.AsIChatClient("sonar-pro");

        chat.GetService<ChatClientMetadata>()!.DefaultModelId.ShouldBe("sonar-pro");
    }

    [Fact]
    public void GetService_PerplexityTypes_ReturnsTheClientAndTheRoutesClient()
    {
        _harness.ChatClient.GetService<PerplexityAsyncClient>().ShouldBeSameAs(_harness.Client);
        _harness.ChatClient.GetService<AsyncCompletionsClient>().ShouldBeSameAs(_harness.Client.Sonar);
        _harness.ChatClient.GetService<IChatClient>().ShouldBeSameAs(_harness.ChatClient);
        _harness.ChatClient.GetService<PerplexityAsyncChatClient>().ShouldBeSameAs(_harness.ChatClient);
    }

    [Fact]
    public void GetService_OnTheChatCompletionsRoute_ReturnsItsClient()
    {
        using var chat = new PerplexityAsyncChatClient(_harness.Client, new PerplexityAsyncChatClientOptions { Route = PerplexityChatRoute.ChatCompletions });

        chat.GetService<AsyncCompletionsClient>().ShouldBeSameAs(_harness.Client.ChatCompletions);
    }

    [Fact]
    public void GetService_WithAKeyOrAnotherType_ReturnsNull()
    {
        _harness.ChatClient.GetService(typeof(ChatClientMetadata), "key").ShouldBeNull();
        _harness.ChatClient.GetService(typeof(PerplexityAsyncClient), "key").ShouldBeNull();
        _harness.ChatClient.GetService(typeof(string)).ShouldBeNull();
    }

    [Fact]
    public void GetService_WithANullType_Throws()
    {
        Should.Throw<ArgumentNullException>(() => _harness.ChatClient.GetService(null!)).ParamName.ShouldBe("serviceType");
    }

    [Fact]
    public void Constructor_WithANullClient_Throws()
    {
        Should.Throw<ArgumentNullException>(() => new PerplexityAsyncChatClient(null!)).ParamName.ShouldBe("client");
        Should.Throw<ArgumentNullException>(() => ((PerplexityAsyncClient)null!).AsIChatClient());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Constructor_WithoutADefaultModel_ThrowsNamingTheOption(string? model)
    {
        var exception = Should.Throw<ArgumentException>(
            () => new PerplexityAsyncChatClient(_harness.Client, new PerplexityAsyncChatClientOptions { DefaultModelId = model! }));

        exception.Message.ShouldContain("PerplexityAsyncChatClientOptions.DefaultModelId");
        Should.Throw<ArgumentException>(() => _harness.Client.AsIChatClient(model!));
    }

    [Fact]
    public void AsIChatClient_WithANullDefaultModel_Throws()
    {
        Should.Throw<ArgumentNullException>(() => _harness.Client.AsIChatClient((string)null!)).ParamName.ShouldBe("defaultModelId");
    }

    [Fact]
    public void Constructor_WithAnUndefinedRoute_Throws()
    {
        var options = new PerplexityAsyncChatClientOptions { Route = (PerplexityChatRoute)7 };

        Should.Throw<ArgumentOutOfRangeException>(() => new PerplexityAsyncChatClient(_harness.Client, options)).Message.ShouldContain("Route");
    }

    [Fact]
    public void Options_Defaults_ArePinned()
    {
        var options = new PerplexityAsyncChatClientOptions();

        options.DefaultModelId.ShouldBeNull();
        options.Route.ShouldBe(PerplexityChatRoute.Agent);
        options.Polling.ShouldBeNull();
        options.RequestOptions.ShouldBeNull();
    }

    [Fact]
    public async Task Dispose_LeavesThePerplexityClientUsable()
    {
        _harness.ChatClient.Dispose();

        var response = await _harness.GetResponseAsync();

        response.Text.ShouldNotBeEmpty();
    }

    [Fact]
    public void BaseAddress_OfAClient_IsItsOptionsAddressWithATrailingSlash()
    {
        using var client = new PerplexityAsyncClient(new PerplexityAsyncClientOptions { ApiKey = "pplx-x", BaseAddress = new Uri("https://proxy.example/perplexity") });

        client.BaseAddress.ShouldBe(new Uri("https://proxy.example/perplexity/"));
    }

    public void Dispose() => _harness.Dispose();
}
