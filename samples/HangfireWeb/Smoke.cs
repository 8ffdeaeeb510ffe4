using System.Net.Http.Json;

namespace HangfireWebSample;

/// <summary>--smoke: one question over HTTP against the running app, as a user would ask it.</summary>
internal static class Smoke
{
    public static async Task<int> AskAsync(string baseAddress, string text)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
        using var posted = await http.PostAsJsonAsync("/questions", new Question(text));
        posted.EnsureSuccessStatusCode();
        var location = posted.Headers.Location ?? throw new InvalidOperationException("POST /questions answered without a Location.");
        Console.WriteLine($"POST /questions -> {(int)posted.StatusCode} {location}");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            var answer = await http.GetFromJsonAsync<Answer>(location, timeout.Token);
            Console.WriteLine($"GET {location} -> {answer?.Status} (run {answer?.RunId ?? "not created yet"})");
            if (answer?.Text is { } done)
            {
                Console.WriteLine($"Answer ({answer.Status}, from the emulator unless PERPLEXITY_API_KEY is set):");
                Console.WriteLine(done);
                return answer.Status == "completed" ? 0 : 1;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), timeout.Token);
        }
    }
}
