namespace DeepResearch;

/// <summary>
/// An <see cref="IProgress{T}"/> that runs its callback at once, on the reporting thread. <see cref="Progress{T}"/> would
/// post it to the thread pool (there is no synchronization context in a console app), so reports could arrive late or
/// out of order.
/// </summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
