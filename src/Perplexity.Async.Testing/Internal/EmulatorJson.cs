using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Perplexity.Async.Testing.Internal;

/// <summary>
/// Writes the API's JSON by hand, as the API does: every envelope key present (null when unset), Unix-second
/// timestamps, and the completion through the SDK's own serializer so it has exactly the documented shape.
/// </summary>
internal static class EmulatorJson
{
    public static byte[] Envelope(JobRecord job, RouteFamily family, DateTimeOffset now) => Write(writer =>
    {
        var status = job.StatusAt(now);
        var completed = status == AsyncProcessingStatus.Completed;
        var failed = status == AsyncProcessingStatus.Failed;
        writer.WriteStartObject();
        writer.WriteString("id", job.Id);
        writer.WriteString("model", job.Request.Model);
        writer.WriteNumber("created_at", job.CreatedAt.ToUnixTimeSeconds());
        writer.WriteString("status", status.Value);
        WriteSeconds(writer, "started_at", status == AsyncProcessingStatus.Created ? null : job.StartAt);
        WriteSeconds(writer, "completed_at", completed ? job.FinishAt : null);
        writer.WritePropertyName("response");
        if (completed)
        {
            JsonSerializer.Serialize(writer, job.ResponseFor(family, now), PerplexityJson.GetTypeInfo<CompletionResponse>());
        }
        else
        {
            writer.WriteNullValue();
        }

        WriteSeconds(writer, "failed_at", failed ? job.FinishAt : null);
        if (failed)
        {
            writer.WriteString("error_message", job.Script.ErrorMessage);
        }
        else
        {
            writer.WriteNull("error_message");
        }

        writer.WriteEndObject();
    });

    public static byte[] List(ListPage page, DateTimeOffset now) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("requests");
        foreach (var job in page.Jobs)
        {
            var status = job.StatusAt(now);
            writer.WriteStartObject();
            writer.WriteString("id", job.Id);
            writer.WriteString("model", job.Request.Model);
            writer.WriteNumber("created_at", job.CreatedAt.ToUnixTimeSeconds());
            writer.WriteString("status", status.Value);
            WriteSeconds(writer, "started_at", status == AsyncProcessingStatus.Created ? null : job.StartAt);
            WriteSeconds(writer, "completed_at", status == AsyncProcessingStatus.Completed ? job.FinishAt : null);
            WriteSeconds(writer, "failed_at", status == AsyncProcessingStatus.Failed ? job.FinishAt : null);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (page.NextToken is null)
        {
            writer.WriteNull("next_token");
        }
        else
        {
            writer.WriteString("next_token", page.NextToken);
        }

        writer.WriteEndObject();
    });

    /// <summary>FastAPI's plain error: <c>{"detail": "..."}</c>.</summary>
    public static byte[] Detail(string message) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("detail", message);
        writer.WriteEndObject();
    });

    /// <summary>FastAPI's 422: <c>{"detail": [{"loc": [...], "msg": "...", "type": "..."}]}</c>.</summary>
    public static byte[] Validation(IEnumerable<FieldError> errors) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("detail");
        foreach (var error in errors)
        {
            writer.WriteStartObject();
            writer.WriteStartArray("loc");
            foreach (var part in error.Location)
            {
                if (part is int index)
                {
                    writer.WriteNumberValue(index);
                }
                else
                {
                    writer.WriteStringValue(Convert.ToString(part, System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            writer.WriteEndArray();
            writer.WriteString("msg", error.Message);
            writer.WriteString("type", error.Type);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary>The gateway's error: <c>{"error": {"message": "...", "type": "...", "code": 401}}</c>.</summary>
    public static byte[] Error(string message, string type, int code) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteString("message", message);
        writer.WriteString("type", type);
        writer.WriteNumber("code", code);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    private static void WriteSeconds(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            writer.WriteNumber(name, time.ToUnixTimeSeconds());
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return stream.ToArray();
    }
}
