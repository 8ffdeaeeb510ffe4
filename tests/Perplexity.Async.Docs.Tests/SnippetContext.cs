namespace Perplexity.Async.Docs.Tests;

/// <summary>What a snippet may take as given: statements put before its code, and the kind of project it is in.</summary>
/// <param name="Prelude">Statements placed after the snippet's <c>using</c> directives (fully qualified names only).</param>
/// <param name="Web">Whether the snippet sits in an ASP.NET Core project (<c>Microsoft.NET.Sdk.Web</c>), with its implicit usings.</param>
public sealed record SnippetContext(string Prelude, bool Web);
