using System.Globalization;
using Perplexity.Async;

namespace DeepResearch;

/// <summary>
/// Shows a run's (or a legacy job's) status and the elapsed time while the SDK waits. Pass it as the wait's
/// <see cref="IProgress{T}"/>: the SDK reports the first state it sees and then each status change. A periodic timer
/// on the same <see cref="TimeProvider"/> animates the spinner (or, for redirected output, prints a reminder now and
/// then), so the line keeps moving between status changes.
/// </summary>
/// <remarks>
/// Reports arrive on the SDK's polling thread and ticks on the timer's thread. Both write at once, under one lock that
/// keeps the writes whole, rather than handing the work to another thread: the line is current whenever the wait moves on.
/// </remarks>
internal sealed class LiveStatus : IProgress<AgentResponse>, IProgress<AsyncApiChatCompletionsResponse>, IAsyncDisposable
{
    private static readonly string[] SpinnerFrames = ["|", "/", "-", "\\"];
    private static readonly TimeSpan SpinnerInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ReminderInterval = TimeSpan.FromSeconds(30);

    private readonly TextWriter _output;
    private readonly TimeProvider _time;
    private readonly StatusStyle _style;
    private readonly long _started;
    private readonly Lock _gate = new();
    private readonly ITimer _ticker;
    private bool _stopped;
    private string? _status;
    private string? _detail;
    private int _frame;
    private int _lineLength;

    private LiveStatus(TextWriter output, TimeProvider time, StatusStyle style)
    {
        _output = output;
        _time = time;
        _style = style;
        _started = time.GetTimestamp();
        var interval = style == StatusStyle.Spinner ? SpinnerInterval : ReminderInterval;
        _ticker = time.CreateTimer(static state => ((LiveStatus)state!).Tick(), this, interval, interval);
    }

    /// <summary>Starts showing the status; dispose it to stop (the last status stays on screen).</summary>
    public static LiveStatus Start(TextWriter output, TimeProvider time, StatusStyle style) => new(output, time, style);

    /// <summary>Time since <see cref="Start"/>, on the given clock.</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_started);

    /// <summary>Called by the SDK with the first state of a run seen and then each status change.</summary>
    public void Report(AgentResponse value) => Report(value.Status.Value);

    /// <summary>Called by the SDK with the first state of a legacy job seen and then each status change.</summary>
    public void Report(AsyncApiChatCompletionsResponse value) => Report(value.Status.Value);

    /// <summary>Shows <paramref name="status"/> when it differs from the one shown.</summary>
    public void Report(string status)
    {
        lock (_gate)
        {
            if (_status == status)
            {
                return;
            }

            _status = status;
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

    /// <summary>
    /// Shows <paramref name="detail"/> after the status on a terminal's live line (for example the last words of an answer
    /// being written); null clears it. Plain output ignores it: it would be a line per change.
    /// </summary>
    public void ShowDetail(string? detail)
    {
        lock (_gate)
        {
            _detail = detail;
            if (_style == StatusStyle.Spinner && _status is not null && !_stopped)
            {
                DrawSpinnerLine();
            }
        }
    }

    /// <summary>Writes a line of its own above the status (for example the run id), keeping the live line intact.</summary>
    public void Announce(string line)
    {
        lock (_gate)
        {
            if (_style == StatusStyle.Spinner && _lineLength > 0)
            {
                Overwrite(line);
                _lineLength = 0;
                _output.WriteLine();
                DrawSpinnerLine();
            }
            else
            {
                _output.WriteLine(line);
            }
        }
    }

    /// <summary>Stops the ticks and leaves the last status on its own line.</summary>
    public async ValueTask DisposeAsync()
    {
        await _ticker.DisposeAsync(); // also waits for a tick that is running

        lock (_gate)
        {
            _stopped = true;
            if (_style == StatusStyle.Spinner && _lineLength > 0)
            {
                // Rewrite the live line once more without the spinner, then move past it.
                Overwrite($"{Stamp()} {_status}");
                _output.WriteLine();
                _lineLength = 0;
            }
        }
    }

    private void Tick()
    {
        lock (_gate)
        {
            if (_stopped || _status is null)
            {
                return;
            }

            if (_style == StatusStyle.Spinner)
            {
                _frame = (_frame + 1) % SpinnerFrames.Length;
                DrawSpinnerLine();
            }
            else
            {
                _output.WriteLine($"{Stamp()} {_status} (still waiting; Ctrl+C stops)");
            }
        }
    }

    private void DrawSpinnerLine() =>
        Overwrite(_detail is null ? $"{Stamp()} {_status} {SpinnerFrames[_frame]}" : $"{Stamp()} {_status} {SpinnerFrames[_frame]} {_detail}");

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
