using System.Collections.Concurrent;
using System.IO;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace Perplexity.Async.Tests.TestSupport;

/// <summary>
/// A tiny HTTP/1.1 server over a raw socket on 127.0.0.1 (port 0): for each request it reads the request head and
/// body, then writes exactly the bytes the test's script returns and closes the connection. It can send what no
/// well-behaved server would (a status line or header line echoing the <c>Authorization</c> value, a corrupt gzip,
/// deflate or brotli body, a redirect, a reply cut off half-way), so the client is attacked over a real socket.
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<RawRequest, byte[]> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<RawRequest> _requests = new();
    private readonly Task _acceptLoop;

    /// <summary>Starts listening; <paramref name="respond"/> returns the raw bytes of the reply to each request.</summary>
    public RawHttpServer(Func<RawRequest, byte[]> respond)
    {
        _respond = respond;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptAsync();
    }

    public int Port { get; }

    /// <summary><c>http://127.0.0.1:port/</c>: plain HTTP is allowed to loopback.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public IReadOnlyList<RawRequest> Requests => [.. _requests];

    /// <summary>A complete reply: the status line as given, the headers, a <c>Content-Length</c> and <c>Connection: close</c>.</summary>
    public static byte[] Reply(string statusLine, byte[] body, params string[] headerLines)
    {
        var head = new StringBuilder(statusLine).Append("\r\n");
        foreach (var line in headerLines)
        {
            head.Append(line).Append("\r\n");
        }

        head.Append("Content-Length: ").Append(body.Length).Append("\r\nConnection: close\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
    }

    /// <summary>A <c>200 OK</c> (or another status) JSON reply.</summary>
    public static byte[] Json(string json, int status = 200, params string[] headerLines) =>
        Reply($"HTTP/1.1 {status} {ReasonOf(status)}", Encoding.UTF8.GetBytes(json), ["Content-Type: application/json", .. headerLines]);

    /// <summary>
    /// Bytes that start as the named encoding's stream and then go wrong, so decoding fails part-way: a run of bytes of
    /// a valid stream is flipped, at the first offset (from a fixed start) where .NET's own decoder then throws.
    /// </summary>
    /// <param name="contentEncoding"><c>gzip</c>, <c>deflate</c> or <c>br</c>.</param>
    /// <param name="early">Right after the stream's header, so decoding fails before any byte comes out.</param>
    public static byte[] CorruptBody(string contentEncoding, bool early = false)
    {
        var text = string.Concat(Enumerable.Range(0, 400).Select(i => $"{{\"n\":{i},\"s\":\"item {i * 7919 % 1000}\"}},"));
        var valid = Compress(contentEncoding, Encoding.UTF8.GetBytes(text));
        for (var start = early ? (contentEncoding == "gzip" ? 10 : 2) : valid.Length / 3; start < valid.Length - 4; start++)
        {
            var corrupt = valid.ToArray();
            for (var i = start; i < start + 4; i++)
            {
                corrupt[i] ^= 0x5A;
            }

            if (DecodingFails(contentEncoding, corrupt))
            {
                return corrupt;
            }
        }

        throw new InvalidOperationException($"No corruption of the {contentEncoding} stream made it fail to decode.");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private static string ReasonOf(int status) => status switch
    {
        200 => "OK",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Status",
    };

    private static bool DecodingFails(string contentEncoding, byte[] data)
    {
        try
        {
            using var input = new MemoryStream(data);
            using Stream decoder = contentEncoding switch
            {
                "gzip" => new GZipStream(input, CompressionMode.Decompress),
                "deflate" => new ZLibStream(input, CompressionMode.Decompress),
                _ => new BrotliStream(input, CompressionMode.Decompress),
            };
            decoder.CopyTo(Stream.Null);
            return false;
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException)
        {
            return true;
        }
    }

    private static byte[] Compress(string contentEncoding, byte[] data)
    {
        using var output = new MemoryStream();
        using (Stream compressor = contentEncoding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Fastest, true),
            "deflate" => new ZLibStream(output, CompressionLevel.Fastest, true),
            "br" => new BrotliStream(output, CompressionLevel.Fastest, true),
            _ => throw new ArgumentOutOfRangeException(nameof(contentEncoding), contentEncoding, "gzip, deflate or br"),
        })
        {
            compressor.Write(data);
        }

        return output.ToArray();
    }

    private async Task AcceptAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptTcpClientAsync(_stop.Token);
                connections.Add(ServeAsync(socket));
            }
        }
        finally
        {
            await Task.WhenAll(connections);
        }
    }

    private async Task ServeAsync(TcpClient socket)
    {
        using (socket)
        {
            try
            {
                var stream = socket.GetStream();
                var request = await ReadRequestAsync(stream, _stop.Token);
                if (request is null)
                {
                    return;
                }

                _requests.Enqueue(request);
                await stream.WriteAsync(_respond(request), _stop.Token);
                await stream.FlushAsync(_stop.Token);
                socket.Client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away or the server is stopping.
            }
        }
    }

    private static async Task<RawRequest?> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(buffer)) < 0)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                return null;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        var head = Encoding.ASCII.GetString([.. buffer.Take(headEnd)]);
        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var length = headers.TryGetValue("Content-Length", out var value) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var body = buffer.Skip(headEnd + 4).ToList();
        while (body.Count < length)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                break;
            }

            body.AddRange(chunk.AsSpan(0, read));
        }

        return new RawRequest(requestLine[0], requestLine[1], headers, Encoding.UTF8.GetString([.. body]));
    }

    private static int IndexOfHeadEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
