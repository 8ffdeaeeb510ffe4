using System.Reflection;
using System.Runtime.Versioning;
using Perplexity.Async.Testing;

namespace Perplexity.Async.Tests;

/// <summary>
/// This project runs on net10.0 and tests/Perplexity.Async.Tests.Net8 compiles the same sources for net8.0: each must
/// test the libraries' build for its own framework, not fall back to netstandard2.0.
/// </summary>
public sealed class TargetFrameworkTests
{
    public static TheoryData<string> Libraries() => new()
    {
        typeof(PerplexityAsyncClient).Assembly.GetName().Name!,
        typeof(PerplexityEmulator).Assembly.GetName().Name!,
        typeof(PerplexityAsyncChatClient).Assembly.GetName().Name!,
    };

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Library_UnderTest_IsTheBuildForTheTestsFramework(string name)
    {
        var library = Assembly.Load(name).GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
        var tests = typeof(TargetFrameworkTests).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;

        library.ShouldBe(tests);
        library.ShouldStartWith(".NETCoreApp,Version=v");
    }
}
