using System.Globalization;
using Perplexity.Async;

namespace DeepResearch;

/// <summary>
/// Shows a job's status and the elapsed time while <c>WaitForCompletionAsync</c> polls. Pass it as the wait's
/// <see cref="IProgress{T}"/>: the SDK reports the first state it sees and then each status change. A small loop on
/// the same <see cref="TimeProvider"/> animates the spinner (or, for redirected output, prints a reminder now and
/// then), so the line keeps moving between status changes.
/// </summary>
/// <remarks>
/// Reports arrive on the SDK's polling thread and ticks on a timer thread: one lock keeps the writes whole.
/// </remarks>
internal sealed class LiveStatus : IProgress<AsyncApiChatCompletionsResponse>, IAsyncDisposable
{
    private static readonly string[] SpinnerFrames = ["|", "/", "-", "\\"];
    private static readonly TimeSpan SpinnerInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ReminderInterval = TimeSpan.FromSeconds(30);

    private readonly TextWriter _output;
    private readonly TimeProvider _time;
    private readonly StatusStyle _style;
    private readonly long _started;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _ticker = Task.CompletedTask;
    private AsyncProcessingStatus? _status;
    private int _frame;
    private int _lineLength;

    private LiveStatus(TextWriter output, TimeProvider time, StatusStyle style)
    {
        _output = output;
        _time = time;
        _style = style;
        _started = time.GetTimestamp();
    }

    /// <summary>Starts showing the status; dispose it to stop (the last status stays on screen).</summary>
    public static LiveStatus Start(TextWriter output, TimeProvider time, StatusStyle style)
    {
        var status = new LiveStatus(output, time, style);
        status._ticker = status.TickAsync(status._stop.Token);
        return status;
    }

    /// <summary>Time since <see cref="Start"/>, on the given clock.</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_started);

    /// <summary>Called by the SDK with the first state seen and then each status change.</summary>
    public void Report(AsyncApiChatCompletionsResponse value)
    {
        lock (_gate)
        {
            if (_status == value.Status)
            {
                return;
            }

            _status = value.Status;
            if (_style == StatusStyle.Spinner)
            {
                DrawSpinnerLine();
            }
            else
            {
                _output.WriteLine($"{Stamp()} {_status}");
            }
        }
    }

    /// <summary>Stops the ticker and leaves the last status on its own line.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _ticker;
        lock (_gate)
        {
            if (_style == StatusStyle.Spinner && _lineLength > 0)
            {
                // Rewrite the live line once more without the spinner, then move past it.
                Overwrite($"{Stamp()} {_status}");
                _output.WriteLine();
                _lineLength = 0;
            }
        }

        _stop.Dispose();
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var interval = _style == StatusStyle.Spinner ? SpinnerInterval : ReminderInterval;
        try
        {
            while (true)
            {
                await Task.Delay(interval, _time, cancellationToken);
                lock (_gate)
                {
                    if (_status is null)
                    {
                        continue;
                    }

                    if (_style == StatusStyle.Spinner)
                    {
                        _frame = (_frame + 1) % SpinnerFrames.Length;
                        DrawSpinnerLine();
                    }
                    else
                    {
                        _output.WriteLine($"{Stamp()} {_status} (still waiting; Ctrl+C stops waiting, the job keeps running)");
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed: the wait is over.
        }
    }

    private void DrawSpinnerLine() => Overwrite($"{Stamp()} {_status} {SpinnerFrames[_frame]}");

    // Carriage return, the new text, and spaces over whatever was longer before.
    private void Overwrite(string text)
    {
        _output.Write('\r' + text.PadRight(_lineLength));
        _output.Flush();
        _lineLength = text.Length;
    }

    private string Stamp()
    {
        var elapsed = Elapsed;
        return string.Create(CultureInfo.InvariantCulture, $"[{(int)elapsed.TotalMinutes}:{elapsed.Seconds:00}]");
    }
}
