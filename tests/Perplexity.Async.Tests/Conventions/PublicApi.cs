using System.Reflection;
using System.Runtime.CompilerServices;

namespace Perplexity.Async.Tests.Conventions;

/// <summary>What a user of a package can see and call: public types and their public and protected members.</summary>
public static class PublicApi
{
    private const BindingFlags Declared =
        BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    public static IEnumerable<Type> Types(Assembly assembly) => assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal);

    /// <summary>Public or protected (protected internal included): reachable from another assembly.</summary>
    public static bool IsVisible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    public static bool IsVisible(FieldInfo field) => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly;

    public static bool IsCompilerGenerated(MemberInfo member) => member.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);

    /// <summary>The visible methods a type declares itself, without property and event accessors.</summary>
    public static IEnumerable<MethodInfo> Methods(Type type) =>
        type.GetMethods(Declared).Where(m => IsVisible(m) && !IsAccessor(m));

    public static IEnumerable<ConstructorInfo> Constructors(Type type) =>
        type.GetConstructors(Declared).Where(c => !c.IsStatic && IsVisible(c));

    public static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(Declared).Where(p => p.GetAccessors(nonPublic: true).Any(IsVisible));

    public static IEnumerable<FieldInfo> Fields(Type type) =>
        type.GetFields(Declared).Where(f => IsVisible(f) && !f.IsSpecialName);

    public static IEnumerable<EventInfo> Events(Type type) =>
        type.GetEvents(Declared).Where(e => e.AddMethod is { } add && IsVisible(add));

    /// <summary>Returns a <see cref="Task"/>, <see cref="ValueTask"/> (generic or not) or an <see cref="IAsyncEnumerable{T}"/>.</summary>
    public static bool IsAsync(MethodInfo method)
    {
        var type = method.ReturnType;
        if (type == typeof(Task) || type == typeof(ValueTask))
        {
            return true;
        }

        if (!type.IsGenericType)
        {
            return false;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(Task<>) || definition == typeof(ValueTask<>) || definition == typeof(IAsyncEnumerable<>);
    }

    /// <summary>An override of a method whose signature another library chose (HttpMessageHandler.SendAsync, Stream.ReadAsync).</summary>
    public static bool OverridesForeignMethod(MethodInfo method, IEnumerable<Assembly> ours)
    {
        var declaringAssembly = method.GetBaseDefinition().DeclaringType?.Assembly;
        return declaringAssembly is not null && !ours.Contains(declaringAssembly);
    }

    public static bool IsRecord(Type type) =>
        type.IsClass && type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null;

    public static bool IsReadOnlyStruct(Type type) =>
        type.IsValueType && !type.IsEnum && type.IsDefined(typeof(IsReadOnlyAttribute), inherit: false);

    public static bool IsStatic(Type type) => type.IsAbstract && type.IsSealed;

    public static string Describe(MemberInfo member) => member is Type type ? type.FullName! : $"{member.DeclaringType!.FullName}.{member.Name}";

    private static bool IsAccessor(MethodInfo method) =>
        method.IsSpecialName && (method.Name.StartsWith("get_", StringComparison.Ordinal)
            || method.Name.StartsWith("set_", StringComparison.Ordinal)
            || method.Name.StartsWith("add_", StringComparison.Ordinal)
            || method.Name.StartsWith("remove_", StringComparison.Ordinal));
}
