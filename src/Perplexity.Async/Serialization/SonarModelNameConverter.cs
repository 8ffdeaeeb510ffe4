namespace Perplexity.Async.Serialization;

/// <summary>
/// The <c>model</c> of a job and of its completion: the documented Sonar models read as shared literals (every poll of
/// a job returns its model, a completed job twice).
/// </summary>
internal sealed class SonarModelNameConverter()
    : KnownStringConverter("sonar", "sonar-pro", "sonar-reasoning", "sonar-reasoning-pro", "sonar-deep-research");
