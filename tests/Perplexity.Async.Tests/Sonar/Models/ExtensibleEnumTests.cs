using System.Reflection;
using System.Text.Json;

namespace Perplexity.Async.Tests.Sonar.Models;

/// <summary>The contract every extensible enum keeps; one sealed subclass per enum runs it.</summary>
public abstract class ExtensibleEnumTests<T>
    where T : struct, IEquatable<T>
{
    protected abstract IReadOnlyList<(T Value, string Wire)> Known { get; }

    [Fact]
    public void KnownValues_HaveTheirWireForm()
    {
        foreach (var (value, wire) in Known)
        {
            value.ToString().ShouldBe(wire);
            Create(wire).ShouldBe(value);
            Implicit(wire).ShouldBe(value);
        }
    }

    [Fact]
    public void Deserialize_KnownValue_EqualsTheStaticValueAndWritesItBack()
    {
        foreach (var (value, wire) in Known)
        {
            var json = JsonSerializer.Serialize(wire);

            var read = PerplexityJson.Deserialize<T>(json);

            read.ShouldBe(value);
            PerplexityJson.Serialize(read).ShouldBe(json);
        }
    }

    [Theory]
    [InlineData("SOMETHING_NEW")]
    [InlineData("brand new value")]
    [InlineData("ünïcode-✓")]
    [InlineData("")]
    public void Deserialize_UnknownValue_RoundTripsUnchanged(string wire)
    {
        var json = JsonSerializer.Serialize(wire);

        var read = PerplexityJson.Deserialize<T>(json);

        read.ToString().ShouldBe(wire);
        read.ShouldBe(Create(wire));
        Known.ShouldNotContain(k => k.Value.Equals(read));
        PerplexityJson.Serialize(read).ShouldBe(json);
    }

    [Fact]
    public void Equals_DifferentCase_IsEqualAndKeepsTheGivenCase()
    {
        foreach (var (value, wire) in Known)
        {
            var other = Create(SwapCase(wire));

            other.Equals(value).ShouldBeTrue();
            other.Equals((object)value).ShouldBeTrue();
            Operator("op_Equality", other, value).ShouldBeTrue();
            Operator("op_Inequality", other, value).ShouldBeFalse();
            other.GetHashCode().ShouldBe(value.GetHashCode());
            other.ToString().ShouldBe(SwapCase(wire));
        }
    }

    [Fact]
    public void Equals_DifferentValues_AreNotEqual()
    {
        var (first, _) = Known[0];
        var (second, _) = Known[1];

        first.Equals(second).ShouldBeFalse();
        Operator("op_Equality", first, second).ShouldBeFalse();
        Operator("op_Inequality", first, second).ShouldBeTrue();
        first.Equals((object)"not an enum").ShouldBeFalse();
        first.Equals(null).ShouldBeFalse();
    }

    [Fact]
    public void Default_IsEmptyAndUnlikeEveryKnownValue()
    {
        T value = default;

        value.ToString().ShouldBe(string.Empty);
        value.Equals(default(T)).ShouldBeTrue();
        value.GetHashCode().ShouldBe(default(T).GetHashCode());
        Known.ShouldNotContain(k => k.Value.Equals(value));
    }

    [Fact]
    public void Constructor_Null_ThrowsArgumentNullException()
    {
        var ex = Should.Throw<TargetInvocationException>(() => Activator.CreateInstance(typeof(T), [null]));

        ex.InnerException.ShouldBeOfType<ArgumentNullException>();
    }

    [Theory]
    [InlineData("5")]
    [InlineData("true")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("null")]
    public void Deserialize_NotAString_ThrowsJsonException(string json)
    {
        Should.Throw<JsonException>(() => PerplexityJson.Deserialize<T>(json));
    }

    protected static T Create(string value) => (T)Activator.CreateInstance(typeof(T), value)!;

    private static T Implicit(string value) =>
        (T)typeof(T).GetMethod("op_Implicit", [typeof(string)])!.Invoke(null, [value])!;

    private static bool Operator(string name, T left, T right) =>
        (bool)typeof(T).GetMethod(name, [typeof(T), typeof(T)])!.Invoke(null, [left, right])!;

    private static string SwapCase(string value) =>
        new(value.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray());
}
