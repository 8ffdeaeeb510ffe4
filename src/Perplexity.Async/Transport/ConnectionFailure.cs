using System;
using System.Net.Http;
using System.Net.Sockets;

namespace Perplexity.Async.Transport;

/// <summary>Tells a connection that was never made (nothing was sent) from one that broke after the request went out.</summary>
internal static class ConnectionFailure
{
    /// <summary>
    /// True when the request provably never reached the server: the name did not resolve, the connection was refused or
    /// could not be established, the TLS handshake or a proxy tunnel failed. A reset or an ended response is not.
    /// </summary>
    public static bool NeverReachedTheServer(HttpRequestException exception)
    {
#if NET8_0_OR_GREATER
        if (exception.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError)
        {
            return true;
        }
#endif
        for (Exception? cause = exception.InnerException; cause is not null; cause = cause.InnerException)
        {
            if (cause is SocketException socket)
            {
                return socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.TryAgain
                    or SocketError.NoData or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.AddressNotAvailable;
            }
        }

        return false;
    }
}
