// Perplexity's Agent API (a deep-research run) behind Microsoft.Extensions.AI's IChatClient, through the M.E.AI pipeline.
//
//   dotnet run --project samples/ChatClient -- "your question"    (add --verbose to see the pipeline's logs)
//
// With PERPLEXITY_API_KEY set it asks the Perplexity API (a deep-research run takes minutes and costs money);
// without it, the built-in emulator answers offline in a few seconds.
using System.Text;
using ChatClientSample;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Perplexity.Async;

var verbose = args.Contains("--verbose");
var words = args.Where(a => a != "--verbose").ToArray();
var question = words.Length > 0 ? string.Join(' ', words) : ChatApp.DefaultQuestion;
Console.OutputEncoding = Encoding.UTF8;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};

var services = new ServiceCollection();
services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning));
var backend = ChatBackend.Register(services, Environment.GetEnvironmentVariable("PERPLEXITY_API_KEY"), TimeProvider.System);

// The one line that makes Perplexity an IChatClient; the rest is Microsoft.Extensions.AI's builder.
services.AddChatClient(sp => sp.GetRequiredService<PerplexityAsyncClient>().AsIChatClient())
    .UseOpenTelemetry()
    .UseLogging();

await using var provider = services.BuildServiceProvider();
var chat = provider.GetRequiredService<IChatClient>();
Console.WriteLine(backend);
Console.WriteLine($"Question: {question}");
return await ChatApp.RunAsync(chat, question, Console.Out, Console.Error, cancel.Token);
