using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActivationCourse.Lib.Tests.Data;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 (a free port) for download tests. Each path maps to a
/// reply: the content, a 404, or the content cut off mid-body (the headers promise the full
/// length, then the connection closes). It stops on dispose and after a fixed lifetime.
/// </summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromMinutes(1));
    private readonly Dictionary<string, Reply> _routes = new(StringComparer.Ordinal);
    private readonly Task _loop;
    private int _requests;

    public LoopbackHttpServer()
    {
        _listener.Start();
        BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/mnist/");
        _loop = Task.Run(AcceptLoop);
    }

    public Uri BaseUri { get; }

    public int Requests => Volatile.Read(ref _requests);

    public void Serve(string fileName, byte[] content, int? cutAfter = null)
    {
        lock (_routes)
        {
            _routes["/mnist/" + fileName] = new Reply(content, cutAfter);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _loop.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }

    private sealed record Reply(byte[] Content, int? CutAfter);

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => Handle(client));
        }
    }

    private async Task Handle(TcpClient client)
    {
        using (client)
        {
            try
            {
                Interlocked.Increment(ref _requests);
                NetworkStream stream = client.GetStream();
                string path = await ReadRequestPath(stream);
                Reply? reply;
                lock (_routes)
                {
                    _routes.TryGetValue(path, out reply);
                }

                if (reply is null)
                {
                    byte[] body = Encoding.ASCII.GetBytes("not found");
                    await Write(stream, $"HTTP/1.1 404 Not Found\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n", body);
                    return;
                }

                string headers = $"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {reply.Content.Length}\r\nConnection: close\r\n\r\n";
                if (reply.CutAfter is int cut)
                {
                    await Write(stream, headers, reply.Content.AsMemory(0, cut));
                    await stream.FlushAsync(_stop.Token);
                    client.Client.Shutdown(SocketShutdown.Both);
                    return;
                }

                await Write(stream, headers, reply.Content);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
            }
        }
    }

    private async Task<string> ReadRequestPath(NetworkStream stream)
    {
        var request = new StringBuilder();
        var buffer = new byte[1024];
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal) && request.Length < 16_384)
        {
            int read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                break;
            }

            request.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        string[] requestLine = request.ToString().Split("\r\n")[0].Split(' ');
        return requestLine.Length >= 2 ? requestLine[1] : "";
    }

    private async Task Write(NetworkStream stream, string headers, ReadOnlyMemory<byte> body)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(headers), _stop.Token);
        await stream.WriteAsync(body, _stop.Token);
    }
}
