namespace Snippets;

/// <summary>
/// An <see cref="IProgress{T}"/> that runs its callback at once, on the thread that reports. The framework's
/// <see cref="Progress{T}"/> posts each report to the thread pool in a console app, so its last line can appear
/// after the code that follows the wait; it is the right choice in a UI app, where it posts to the UI thread.
/// </summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
