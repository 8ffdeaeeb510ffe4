using System.Reflection;

namespace Perplexity.Async.Diagnostics;

/// <summary>The package version without the commit hash, for example <c>0.1.0</c>: the telemetry's version and the user agent's.</summary>
internal static class PackageVersion
{
    public static readonly string Value = Read();

    private static string Read()
    {
        var assembly = typeof(PackageVersion).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version.Substring(0, plus);
    }
}
