// Durable Perplexity runs in an ASP.NET Core app with Hangfire.
//
//   dotnet run --project samples/HangfireWeb                 in-memory storage and the built-in emulator (no key needed)
//   curl -X POST localhost:5000/questions -H 'content-type: application/json' -d '{"question":"How do heat pumps work?"}'
//   curl localhost:5000/questions/{id}                      the run's status, then its answer; /hangfire is the dashboard
//
// With ConnectionStrings__Hangfire (a PostgreSQL connection string) the jobs live in PostgreSQL, so any number of
// instances share them and a restarted instance loses nothing; with PERPLEXITY_API_KEY the real API answers.
// --smoke starts the app on a free port, asks one question over HTTP, prints the answer and exits.
using Hangfire;
using Hangfire.PostgreSql;
using HangfireWebSample;
using Perplexity.Async;
using Perplexity.Async.Testing;

var smoke = args.Contains("--smoke");
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--smoke").ToArray());
if (smoke)
{
    builder.WebHost.UseUrls("http://127.0.0.1:0");
}

var postgres = builder.Configuration.GetConnectionString("Hangfire");
var apiKey = builder.Configuration["PERPLEXITY_API_KEY"];

builder.Services.AddHangfire(hangfire =>
{
    hangfire.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
        .UseSimpleAssemblyNameTypeSerializer()
        .UseRecommendedSerializerSettings();
    if (string.IsNullOrEmpty(postgres))
    {
        hangfire.UseInMemoryStorage();
    }
    else
    {
        hangfire.UsePostgreSqlStorage(options => options.UseNpgsqlConnection(postgres));
    }
});
// A check is a delayed job: the scheduler's interval (15 s by default) is how late a result may be seen.
builder.Services.AddHangfireServer(options => options.SchedulePollingInterval = TimeSpan.FromSeconds(1));

if (string.IsNullOrEmpty(apiKey))
{
    var emulator = new PerplexityEmulator();
    builder.Services.AddPerplexityAsync(options =>
    {
        options.ApiKey = "pplx-emulator";
        options.BaseAddress = emulator.BaseAddress;
    }).ConfigurePrimaryHttpMessageHandler(() => emulator);
}
else
{
    builder.Services.AddPerplexityAsync(options => options.ApiKey = apiKey);
}

builder.Services.AddPerplexityHangfire();
builder.Services.AddTransient<AnswerHandler>();
builder.Services.AddSingleton<Answers>();

var app = builder.Build();
app.UseHangfireDashboard("/hangfire");

app.MapPost("/questions", (Question question, IBackgroundJobClient jobs) =>
{
    if (string.IsNullOrWhiteSpace(question.Text))
    {
        return Results.BadRequest(new { error = "question is required" });
    }

    var id = jobs.StartPerplexityRun<AnswerHandler>(new AgentRequest
    {
        Preset = new AgentPreset(question.Preset ?? "fast"),
        Input = question.Text,
    });
    return Results.Accepted($"/questions/{id}", new { id });
});

app.MapGet("/questions/{id}", (string id, Answers answers) =>
    answers.Find(id) is { } answer ? Results.Ok(answer) : Results.NotFound(new { error = $"no question {id}" }));

if (!smoke)
{
    app.Run();
    return 0;
}

await app.StartAsync();
var exitCode = await Smoke.AskAsync(app.Urls.First(), "How do durable background jobs work?");
await app.StopAsync();
return exitCode;
