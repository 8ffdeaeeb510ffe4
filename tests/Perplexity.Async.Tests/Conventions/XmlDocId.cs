using System.Reflection;
using System.Text;

namespace Perplexity.Async.Tests.Conventions;

/// <summary>The documentation-comment id the C# compiler writes into the XML doc file (<c>M:Ns.Type.Method(System.String)</c>).</summary>
public static class XmlDocId
{
    public static string For(MemberInfo member) => member switch
    {
        Type type => "T:" + TypeName(type),
        ConstructorInfo ctor => $"M:{TypeName(ctor.DeclaringType!)}.#ctor{Parameters(ctor)}",
        MethodInfo method => Method(method),
        PropertyInfo property => $"P:{TypeName(property.DeclaringType!)}.{property.Name}{Parameters(property.GetIndexParameters())}",
        FieldInfo field => $"F:{TypeName(field.DeclaringType!)}.{field.Name}",
        EventInfo @event => $"E:{TypeName(@event.DeclaringType!)}.{@event.Name}",
        _ => throw new ArgumentException($"No documentation id for {member.MemberType}.", nameof(member)),
    };

    private static string Method(MethodInfo method)
    {
        var id = new StringBuilder("M:").Append(TypeName(method.DeclaringType!)).Append('.').Append(method.Name);
        if (method.IsGenericMethodDefinition)
        {
            id.Append("``").Append(method.GetGenericArguments().Length);
        }

        id.Append(Parameters(method));
        if (method.Name is "op_Implicit" or "op_Explicit")
        {
            id.Append('~').Append(ParameterType(method.ReturnType));
        }

        return id.ToString();
    }

    private static string Parameters(MethodBase method) => Parameters(method.GetParameters());

    private static string Parameters(ParameterInfo[] parameters) =>
        parameters.Length == 0 ? string.Empty : "(" + string.Join(",", parameters.Select(p => ParameterType(p.ParameterType))) + ")";

    /// <summary>A type's name as a declaration: nested types joined with dots, generic arity after a backtick.</summary>
    private static string TypeName(Type type) =>
        type.IsNested ? TypeName(type.DeclaringType!) + "." + type.Name : (type.Namespace is null ? type.Name : type.Namespace + "." + type.Name);

    /// <summary>A type's name as a parameter: generic arguments in braces, by-ref with @, type parameters by position.</summary>
    private static string ParameterType(Type type)
    {
        if (type.IsByRef)
        {
            return ParameterType(type.GetElementType()!) + "@";
        }

        if (type.IsPointer)
        {
            return ParameterType(type.GetElementType()!) + "*";
        }

        if (type.IsArray)
        {
            var rank = type.GetArrayRank();
            return ParameterType(type.GetElementType()!) + (rank == 1 ? "[]" : "[" + string.Join(",", Enumerable.Repeat("0:", rank)) + "]");
        }

        if (type.IsGenericParameter)
        {
            return (type.DeclaringMethod is null ? "`" : "``") + type.GenericParameterPosition;
        }

        if (!type.IsGenericType)
        {
            return TypeName(type);
        }

        // Nested in a generic type: each level takes its own share of the arguments.
        var arguments = new Queue<Type>(type.GetGenericArguments());
        return Generic(type.IsNested ? type.DeclaringType! : null, type, arguments);
    }

    private static string Generic(Type? outer, Type type, Queue<Type> arguments)
    {
        var prefix = outer is null ? type.Namespace + "." : Generic(outer.IsNested ? outer.DeclaringType : null, outer, arguments) + ".";
        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick < 0)
        {
            return prefix + name;
        }

        var count = int.Parse(name[(tick + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var own = Enumerable.Range(0, count).Select(_ => ParameterType(arguments.Dequeue()));
        return prefix + name[..tick] + "{" + string.Join(",", own) + "}";
    }
}
