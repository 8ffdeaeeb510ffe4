using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using System.Threading;

namespace Perplexity.Async.Tests.Conventions;

/// <summary>
/// The rules the public API keeps, each a function from types to violations (one readable line each), so the tests
/// run them over the shipped assemblies and, to prove they can fail, over deliberately broken types.
/// </summary>
public static class ConventionRules
{
    /// <summary>Every public async method ends in <c>Async</c> and takes a <see cref="CancellationToken"/> last.</summary>
    public static IEnumerable<string> AsyncMethods(IEnumerable<Type> types, IReadOnlyCollection<Assembly> ours)
    {
        foreach (var method in types.SelectMany(PublicApi.Methods))
        {
            if (!PublicApi.IsAsync(method) || PublicApi.OverridesForeignMethod(method, ours))
            {
                continue;
            }

            if (!method.Name.EndsWith("Async", StringComparison.Ordinal))
            {
                yield return $"{PublicApi.Describe(method)} returns {method.ReturnType.Name} but its name does not end in Async";
            }

            var parameters = method.GetParameters();
            if (parameters.Length == 0 || parameters[^1].ParameterType != typeof(CancellationToken))
            {
                yield return $"{PublicApi.Describe(method)}({string.Join(", ", parameters.Select(p => p.ParameterType.Name))}) does not take a CancellationToken as its last parameter";
            }
        }
    }

    /// <summary>
    /// Every public type that is not a service (client, options, handler), a static class, an exception, an enum or a
    /// delegate is an immutable model: a sealed record with no settable property, or a readonly struct. An abstract
    /// record is allowed as the root of a closed family (no constructor users can call).
    /// </summary>
    public static IEnumerable<string> Models(IEnumerable<Type> types, IReadOnlyCollection<Type> serviceTypes)
    {
        foreach (var type in types)
        {
            if (serviceTypes.Contains(type) || PublicApi.IsStatic(type) || type.IsEnum || type.IsInterface
                || typeof(Exception).IsAssignableFrom(type) || typeof(Delegate).IsAssignableFrom(type))
            {
                continue;
            }

            foreach (var violation in Model(type))
            {
                yield return violation;
            }
        }
    }

    /// <summary>Every public type the package's JSON context reads or writes is a model (see <see cref="Models"/>).</summary>
    public static IEnumerable<string> WireTypes(IEnumerable<Type> types, JsonSerializerContext json) =>
        types.Where(t => !t.ContainsGenericParameters && !PublicApi.IsStatic(t) && json.GetTypeInfo(t) is not null)
            .SelectMany(t => Model(t).Select(v => v + " (it is serialized by " + json.GetType().Name + ")"));

    /// <summary>
    /// Clients are mockable: not sealed, a protected parameterless constructor, and every public or protected
    /// instance member virtual (the non-virtual <c>Dispose()</c> of the dispose pattern aside), no visible fields.
    /// </summary>
    public static IEnumerable<string> Clients(IEnumerable<Type> clients)
    {
        foreach (var client in clients)
        {
            if (client.IsSealed)
            {
                yield return $"{client.FullName} is sealed, so it cannot be mocked";
            }

            if (!client.GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
                    .Any(c => c.GetParameters().Length == 0 && (c.IsFamily || c.IsFamilyOrAssembly)))
            {
                yield return $"{client.FullName} has no protected parameterless constructor for mocking";
            }

            var members = PublicApi.Methods(client).Where(m => !m.IsStatic && !IsDisposePattern(m)).Cast<MethodInfo>()
                .Concat(PublicApi.Properties(client).SelectMany(p => p.GetAccessors(nonPublic: true)).Where(a => !a.IsStatic && PublicApi.IsVisible(a)))
                .Concat(PublicApi.Events(client).Select(e => e.AddMethod!).Where(a => !a.IsStatic));
            foreach (var method in members)
            {
                if (!method.IsVirtual || method.IsFinal)
                {
                    yield return $"{PublicApi.Describe(method)} is not virtual, so a mock cannot override it";
                }
            }

            foreach (var field in PublicApi.Fields(client).Where(f => !f.IsStatic))
            {
                yield return $"{PublicApi.Describe(field)} is a visible instance field; make it a virtual property";
            }
        }
    }

    /// <summary>Every public type and every public or protected member has an entry in the XML documentation file.</summary>
    public static IEnumerable<string> XmlDocs(IEnumerable<Type> types, IReadOnlySet<string> documented)
    {
        foreach (var type in types)
        {
            foreach (var member in DocumentableMembers(type))
            {
                var id = XmlDocId.For(member);
                if (!documented.Contains(id))
                {
                    yield return $"{id} has no XML documentation";
                }
            }
        }
    }

    /// <summary>Exceptions derive from <see cref="PerplexityException"/> and are sealed unless deliberately open.</summary>
    public static IEnumerable<string> Exceptions(IEnumerable<Type> types, IReadOnlyCollection<Type> open)
    {
        foreach (var type in types.Where(typeof(Exception).IsAssignableFrom))
        {
            // A caller's cancellation stays an OperationCanceledException (PerplexityWaitCanceledException).
            if (!typeof(PerplexityException).IsAssignableFrom(type) && !typeof(OperationCanceledException).IsAssignableFrom(type))
            {
                yield return $"{type.FullName} does not derive from {nameof(PerplexityException)}, so catch (PerplexityException) misses it";
            }

            if (!type.IsSealed && !open.Contains(type))
            {
                yield return $"{type.FullName} is not sealed (add it to the open exceptions if users are meant to derive from it)";
            }
        }
    }

    /// <summary>Every public type lives in the package's namespace, never in an <c>.Internal</c> one.</summary>
    public static IEnumerable<string> Namespaces(IEnumerable<Type> types, string expected)
    {
        foreach (var type in types)
        {
            if ((type.Namespace ?? string.Empty).Split('.').Contains("Internal", StringComparer.Ordinal))
            {
                yield return $"{type.FullName} is public in an Internal namespace; make it internal";
            }
            else if (type.Namespace != expected)
            {
                yield return $"{type.FullName} is not in namespace {expected}";
            }
        }
    }

    private static IEnumerable<string> Model(Type type)
    {
        if (type.IsEnum)
        {
            yield return $"{type.FullName} is a C# enum (use a readonly struct over a string, so new values round-trip)";
            yield break;
        }

        if (PublicApi.IsReadOnlyStruct(type))
        {
            yield break;
        }

        if (type.IsValueType)
        {
            yield return $"{type.FullName} is a struct that is not readonly";
            yield break;
        }

        if (!PublicApi.IsRecord(type))
        {
            yield return $"{type.FullName} is a class, not a record";
            yield break;
        }

        if (type.IsAbstract)
        {
            if (PublicApi.Constructors(type).Any(c => !IsRecordCopyConstructor(c)))
            {
                yield return $"{type.FullName} is an abstract record users can derive from; make its constructors private protected";
            }
        }
        else if (!type.IsSealed)
        {
            yield return $"{type.FullName} is a record that is not sealed";
        }

        foreach (var property in PublicApi.Properties(type))
        {
            if (property.SetMethod is { } setter && PublicApi.IsVisible(setter) && !IsInitOnly(setter))
            {
                yield return $"{PublicApi.Describe(property)} has a public setter; models are immutable (use init)";
            }
        }
    }

    private static IEnumerable<MemberInfo> DocumentableMembers(Type type)
    {
        yield return type;
        if (typeof(Delegate).IsAssignableFrom(type))
        {
            yield break;
        }

        var constructors = PublicApi.Constructors(type).Where(c => !IsRecordCopyConstructor(c)).ToList();
        // The compiler's implicit parameterless constructor has no doc comment and needs none.
        var implicitDefault = constructors.Count == 1 && constructors[0].GetParameters().Length == 0;
        foreach (var ctor in constructors)
        {
            if (!implicitDefault && !PublicApi.IsCompilerGenerated(ctor))
            {
                yield return ctor;
            }
        }

        foreach (var member in PublicApi.Methods(type).Cast<MemberInfo>()
                     .Concat(PublicApi.Properties(type)).Concat(PublicApi.Fields(type)).Concat(PublicApi.Events(type)))
        {
            if (!PublicApi.IsCompilerGenerated(member) && !IsRecordSynthesized(type, member))
            {
                yield return member;
            }
        }
    }

    // Records synthesize these (marked [CompilerGenerated] on most compilers, but not all of them on every member).
    private static bool IsRecordSynthesized(Type type, MemberInfo member) =>
        PublicApi.IsRecord(type) && member is MethodInfo method
        && (method.Name is "<Clone>$" or "PrintMembers" or "op_Equality" or "op_Inequality" or "Deconstruct"
            || (method.Name is "Equals" or "GetHashCode" or "ToString" && PublicApi.IsCompilerGenerated(method))
            || (method.Name == "Equals" && method.GetParameters() is [var other] && other.ParameterType.IsAssignableFrom(type) && PublicApi.IsCompilerGenerated(method)))
        || (PublicApi.IsRecord(type) && member is PropertyInfo { Name: "EqualityContract" });

    private static bool IsRecordCopyConstructor(ConstructorInfo ctor) =>
        PublicApi.IsRecord(ctor.DeclaringType!) && ctor.GetParameters() is [var original] && original.ParameterType == ctor.DeclaringType;

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static bool IsDisposePattern(MethodInfo method) =>
        method.Name == nameof(IDisposable.Dispose) && method.GetParameters().Length == 0 && method.ReturnType == typeof(void);
}
