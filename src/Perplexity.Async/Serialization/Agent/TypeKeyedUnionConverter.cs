using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Perplexity.Async.Serialization.Agent;

/// <summary>
/// The house pattern for a closed family keyed by <c>type</c> (see <see cref="ChatMessageContentChunkConverter"/>),
/// shared by every Agent API union: a copy of the reader looks ahead for <c>type</c> and matches its UTF-8 bytes
/// (no string is allocated), then the real reader deserializes the concrete record with the converter of its
/// source-generated metadata, so no intermediate document is built for a known member. An unknown <c>type</c> becomes
/// the family's unknown member, which keeps the raw JSON and writes it back unchanged.
/// </summary>
/// <remarks>
/// The serializer buffers the whole value before it calls a custom converter, so the look-ahead never runs out of
/// data, even while a response stream is read. A JSON <c>null</c> never reaches the converter (the containing model
/// refuses it in a list; see <see cref="NullItems"/>). The member's converter is called directly, not through
/// <c>JsonSerializer.Deserialize(ref reader, …)</c>, which first scans the whole value once more to find its end: for a
/// deep-research run, whose items hold hundreds of kilobytes of text, that extra pass made reading 1.3 to 1.6 times
/// slower than plain DTOs (docs/benchmarks.md).
/// </remarks>
internal abstract class TypeKeyedUnionConverter<TBase> : JsonConverter<TBase>
    where TBase : class
{
    private const int UnknownMember = -1;

    private readonly string _what;
    private readonly byte[][] _names;
    private readonly Member[] _members;
    private MetadataCache? _cache;

    protected TypeKeyedUnionConverter(string what, params Member[] members)
    {
        _what = what;
        _members = members;
        _names = new byte[members.Length][];
        for (var i = 0; i < members.Length; i++)
        {
            _names[i] = Encoding.UTF8.GetBytes(members[i].Type);
        }
    }

    /// <summary>Reads one member with the converter of its metadata.</summary>
    protected delegate TBase? MemberReader(ref Utf8JsonReader reader, JsonTypeInfo info, JsonSerializerOptions options);

    /// <summary>The member an object without <c>type</c> is read as; by default such an object is refused.</summary>
    protected virtual Type? MemberWithoutType => null;

    public override TBase Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected {_what} as an object but found {reader.TokenType}.");
        }

        var member = FindMember(reader);
        if (member == UnknownMember)
        {
            return CreateUnknown(JsonElement.ParseValue(ref reader));
        }

        return _members[member].Read(ref reader, InfosFor(options)[member], options)
            ?? throw new JsonException($"Expected {_what} but found null.");
    }

    public override void Write(Utf8JsonWriter writer, TBase value, JsonSerializerOptions options)
    {
        if (TryGetRawJson(value, out var json))
        {
            json.WriteTo(writer);
            return;
        }

        // The concrete record's own source-generated metadata: no reflection, and no switch to keep in step.
        JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
    }

    /// <summary>Declares the member a <c>type</c> value reads as.</summary>
    protected static Member Known<T>(string type)
        where T : TBase =>
        new(type, typeof(T), static (ref Utf8JsonReader reader, JsonTypeInfo info, JsonSerializerOptions options) =>
            ((JsonConverter<T>)info.Converter).Read(ref reader, typeof(T), options));

    /// <summary>Wraps an object whose <c>type</c> this version does not know.</summary>
    protected abstract TBase CreateUnknown(JsonElement json);

    /// <summary>Gets the raw JSON of the unknown member, which is written as it is.</summary>
    protected abstract bool TryGetRawJson(TBase value, out JsonElement json);

    private int FindMember(Utf8JsonReader copy)
    {
        var depth = copy.CurrentDepth;
        while (copy.Read() && copy.CurrentDepth > depth)
        {
            if (copy.TokenType != JsonTokenType.PropertyName || copy.CurrentDepth != depth + 1)
            {
                continue;
            }

            if (!copy.ValueTextEquals("type"u8))
            {
                copy.SkipValue();
                continue;
            }

            copy.Read();
            if (copy.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"Expected the 'type' of {_what} to be a string but found {copy.TokenType}.");
            }

            for (var i = 0; i < _names.Length; i++)
            {
                if (copy.ValueTextEquals(_names[i]))
                {
                    return i;
                }
            }

            return UnknownMember;
        }

        if (MemberWithoutType is { } fallback)
        {
            return Array.FindIndex(_members, m => m.Model == fallback);
        }

        throw new JsonException($"{Capitalized(_what)} has no 'type'.");
    }

    private JsonTypeInfo[] InfosFor(JsonSerializerOptions options)
    {
        // The options are the context's in practice; the lookups are cached for them rather than repeated per item.
        if (_cache is { } cache && ReferenceEquals(cache.Options, options))
        {
            return cache.Infos;
        }

        var infos = new JsonTypeInfo[_members.Length];
        for (var i = 0; i < _members.Length; i++)
        {
            infos[i] = options.GetTypeInfo(_members[i].Model);
        }

        _cache = new MetadataCache(options, infos); // One reference write: a racing reader sees the old or the new pair.
        return infos;
    }

    /// <summary>One known member: its wire <c>type</c>, its record, and how to read it.</summary>
    protected sealed class Member(string type, Type model, MemberReader read)
    {
        public string Type { get; } = type;

        public Type Model { get; } = model;

        public MemberReader Read { get; } = read;
    }

    private sealed class MetadataCache(JsonSerializerOptions options, JsonTypeInfo[] infos)
    {
        public JsonSerializerOptions Options { get; } = options;

        public JsonTypeInfo[] Infos { get; } = infos;
    }

    private static string Capitalized(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}
