using System.IO;

namespace Perplexity.Async.Tests.Conventions;

public sealed class NamespaceConventionTests
{
    [Theory]
    [MemberData(nameof(ShippedAssemblies.Names), MemberType = typeof(ShippedAssemblies))]
    public void PublicTypes_InShippedAssembly_LiveInThePackageNamespaceNotInInternal(string assembly)
    {
        var shipped = ShippedAssemblies.Get(assembly);

        var violations = ConventionRules.Namespaces(PublicApi.Types(shipped.Assembly), shipped.Namespace);

        violations.ShouldBeEmpty();
    }

    [Fact]
    public void ShippedAssemblies_AreEveryPackableProjectUnderSrc()
    {
        // A new package under src/ must be added to ShippedAssemblies (one line), or none of these rules see it.
        var src = Path.Combine(RepositoryRoot(), "src");
        var projects = Directory.GetDirectories(src)
            .Where(d => Directory.GetFiles(d, "*.csproj").Length == 1)
            .Select(Path.GetFileName);

        projects.ShouldBe(ShippedAssemblies.All.Select(a => a.Name), ignoreOrder: true);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Perplexity.Async.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Perplexity.Async.sln not found above " + AppContext.BaseDirectory);
    }
}
