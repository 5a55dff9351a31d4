using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Mautic.FaultProxy;

/// <summary>
/// An HTTP/1.1 proxy on 127.0.0.1 in front of one upstream (a real Mautic or the fake) that misbehaves on request.
/// Usage: Mautic.FaultProxy --upstream http://127.0.0.1:8080 [--port 0] [--parent-pid N] [--seed N]. The first line on stdout is
/// its own URL (http://127.0.0.1:PORT, an OS-assigned port unless --port says otherwise); every request is then logged
/// on stdout, one line each. Requests under /__fault are answered by the proxy itself and never forwarded (README.md).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        string? upstream = null;
        var port = 0;
        int? parent = null;
        var seed = 0;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--upstream" when i + 1 < args.Length: upstream = args[++i]; break;
                case "--port" when i + 1 < args.Length: port = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--parent-pid" when i + 1 < args.Length: parent = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seed" when i + 1 < args.Length: seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: Mautic.FaultProxy --upstream http://127.0.0.1:8080 [--port 0] [--parent-pid N] [--seed N]");
                    return 2;
            }
        }
        if (upstream == null || !Uri.TryCreate(upstream, UriKind.Absolute, out var up) || up.Scheme != "http")
        {
            Console.Error.WriteLine("--upstream must name an http:// URL (the proxy speaks plain HTTP/1.1 on loopback only).");
            return 2;
        }
        var proxy = new FaultProxy(up) { Draws = new Random(seed) };
        var url = proxy.Start(port);
        Console.Out.WriteLine(url);
        Console.Out.Flush();
        if (parent is int pid)
        {
            // Never outlive the test run that started it.
            _ = Task.Run(async () =>
            {
                while (true)
                {
                    await Task.Delay(2000);
                    try { if (Process.GetProcessById(pid).HasExited) Environment.Exit(0); }
                    catch (ArgumentException) { Environment.Exit(0); }
                }
            });
        }
        await proxy.Run();
        return 0;
    }
}

public enum FaultKind
{
    /// <summary>Reads the request, then resets the connection: never forwarded.</summary>
    ResetBefore,
    /// <summary>Forwards the request and waits for the whole answer (so Mautic processed it), then resets instead of answering.</summary>
    ResetAfter,
    /// <summary>Forwards; sends the head and the first <see cref="Rule.Bytes"/> of the body (default half), then resets.</summary>
    ResetMiddle,
    /// <summary>Holds the connection without forwarding or answering for <see cref="Rule.HoldMs"/> (or until the client gives up), then resets.</summary>
    StallBefore,
    /// <summary>Forwards (Mautic processes it), then holds the answer back for <see cref="Rule.HoldMs"/> (or until the client gives up), then resets.</summary>
    StallAfter,
    /// <summary>Forwards; sends the head with the full Content-Length and only the first <see cref="Rule.Bytes"/> of the body (default half), then closes (FIN).</summary>
    Truncate,
    /// <summary>Answers <see cref="Rule.Status"/> (502, 503, 504) with an HTML page of its own; forwarded first only when <see cref="Rule.Forward"/> (a gateway that gave up waiting).</summary>
    Status,
    /// <summary>Answers 200 with a JSON error body {"errors":[{"code":500,...}]}; never forwarded.</summary>
    ErrorIn200,
    /// <summary>Forwards; sends the whole answer (head included) <see cref="Rule.Bytes"/> bytes (default 16) every <see cref="Rule.DelayMs"/> ms.</summary>
    Trickle,
}

/// <summary>A fault armed for the next <see cref="Count"/> requests whose method and target (path and query) match, after letting <see cref="Skip"/> through.</summary>
public sealed class Rule
{
    public int Id { get; set; }
    public FaultKind Kind { get; set; }
    /// <summary>HTTP method to match (any case); null or empty: any.</summary>
    public string? Method { get; set; }
    /// <summary>Regular expression matched against the request target (path and query), e.g. "^/api/contacts/batch/new".</summary>
    public string Path { get; set; } = "^/api/";
    /// <summary>How many matching requests get the fault; 0: every one until reset.</summary>
    public int Count { get; set; } = 1;
    public int Skip { get; set; }
    /// <summary>Between 0 and 1: the share of matching requests that get the fault, drawn at random (--seed); 0: every one.</summary>
    public double Probability { get; set; }
    public int Status { get; set; } = 503;
    public bool Forward { get; set; }
    public int Bytes { get; set; }
    public int DelayMs { get; set; } = 100;
    public int HoldMs { get; set; } = 30000;
    public string? Message { get; set; }
    public int Hits { get; set; }
    public int Skipped { get; set; }
    Regex? _regex;
    internal bool Matches(string method, string target)
    {
        if (Count > 0 && Hits >= Count) return false;
        if (!string.IsNullOrEmpty(Method) && !string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) return false;
        _regex ??= new Regex(Path, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return _regex.IsMatch(target);
    }
}

/// <summary>One request the proxy took, as GET /__fault/log shows it.</summary>
public sealed class Entry
{
    public int Seq { get; set; }
    public DateTime At { get; set; }
    public int Connection { get; set; }
    public string Method { get; set; } = "";
    public string Target { get; set; } = "";
    public int RequestBytes { get; set; }
    /// <summary>The fault applied (a <see cref="FaultKind"/> name), or null when passed through.</summary>
    public string? Fault { get; set; }
    public int? Rule { get; set; }
    /// <summary>Whether the request was sent to the upstream (so Mautic may have processed it).</summary>
    public bool Forwarded { get; set; }
    public int? UpstreamStatus { get; set; }
    /// <summary>The status the client received a complete head of; null when it got none (reset, stall).</summary>
    public int? Status { get; set; }
    /// <summary>What the client got, in words: "answered", "reset after 123 of 456 body bytes", ...</summary>
    public string Outcome { get; set; } = "";
    public long Ms { get; set; }
}

sealed class Message
{
    public string StartLine = "";
    public List<KeyValuePair<string, string>> Headers = [];
    public byte[] Body = [];
    public string? Header(string name) => Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

public sealed class FaultProxy(Uri upstream)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
    static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Content-Length", "Expect",
    };

    readonly List<Rule> _rules = [];
    readonly List<Entry> _log = [];
    readonly object _lock = new();
    int _nextRule = 1, _nextSeq = 1, _nextConnection = 1;
    /// <summary>Draws for rules with a <see cref="Rule.Probability"/>; --seed makes a run repeatable.</summary>
    internal Random Draws { get; init; } = new(0);
    TcpListener? _listener;

    public string Start(int port)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start(512);
        return $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
    }

    public async Task Run()
    {
        while (true)
        {
            var client = await _listener!.AcceptTcpClientAsync();
            client.NoDelay = true;
            var id = Interlocked.Increment(ref _nextConnection) - 1;
            _ = Task.Run(() => Serve(client, id));
        }
    }

    async Task Serve(TcpClient client, int connection)
    {
        using (client)
        {
            var stream = client.GetStream();
            var reader = new Reader(stream);
            try
            {
                while (true)
                {
                    var request = await reader.ReadMessage(isRequest: true, headRequest: false);
                    if (request == null) return;
                    var parts = request.StartLine.Split(' ');
                    if (parts.Length < 3) { Reset(client); return; }
                    var (method, target) = (parts[0], parts[1]);
                    var keepAlive = !string.Equals(request.Header("Connection"), "close", StringComparison.OrdinalIgnoreCase);
                    if (target.StartsWith("/__fault", StringComparison.OrdinalIgnoreCase))
                    {
                        await Control(stream, method, target, request.Body);
                        continue;
                    }
                    var clock = Stopwatch.StartNew();
                    Rule? rule;
                    lock (_lock) rule = Match(method, target);
                    var entry = new Entry
                    {
                        At = DateTime.UtcNow, Connection = connection, Method = method, Target = target, RequestBytes = request.Body.Length,
                        Fault = rule?.Kind.ToString(), Rule = rule?.Id,
                    };
                    bool open;
                    try { open = await Apply(client, stream, request, method, rule, entry, keepAlive); }
                    catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
                    {
                        entry.Outcome += (entry.Outcome.Length > 0 ? "; " : "") + "the client went away (" + e.GetType().Name + ")";
                        open = false;
                    }
                    entry.Ms = clock.ElapsedMilliseconds;
                    Record(entry);
                    if (!open) return;
                }
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or InvalidDataException)
            {
                // The client closed or reset the connection, or sent something that is not HTTP/1.1.
            }
        }
    }

    Rule? Match(string method, string target)
    {
        foreach (var r in _rules)
        {
            if (!r.Matches(method, target)) continue;
            if (r.Skipped < r.Skip) { r.Skipped++; return null; }
            if (r.Probability > 0 && Draws.NextDouble() >= r.Probability) continue;
            r.Hits++;
            return r;
        }
        return null;
    }

    void Record(Entry entry)
    {
        lock (_lock)
        {
            entry.Seq = _nextSeq++;
            _log.Add(entry);
        }
        Console.Out.WriteLine($"{entry.Seq} c{entry.Connection} {entry.Method} {entry.Target} fault={entry.Fault ?? "-"} forwarded={entry.Forwarded} " +
            $"upstream={entry.UpstreamStatus?.ToString(CultureInfo.InvariantCulture) ?? "-"} status={entry.Status?.ToString(CultureInfo.InvariantCulture) ?? "-"} {entry.Ms} ms: {entry.Outcome}");
    }

    /// <summary>Answers one request with the rule's fault (or passes it through); returns whether the connection stays open.</summary>
    async Task<bool> Apply(TcpClient client, NetworkStream stream, Message request, string method, Rule? rule, Entry entry, bool keepAlive)
    {
        Message? answer = null;
        async Task<Message?> Forward()
        {
            try
            {
                answer = await SendUpstream(request, method);
                entry.Forwarded = true;
                entry.UpstreamStatus = StatusOf(answer);
                return answer;
            }
            catch (Exception e) when (e is IOException or SocketException or InvalidDataException)
            {
                entry.Forwarded = e is not SocketException { SocketErrorCode: SocketError.ConnectionRefused };
                entry.Outcome = $"the upstream failed ({e.Message}); answered 502";
                return null;
            }
        }
        async Task<bool> Whole(byte[] bytes, int status, string outcome)
        {
            await stream.WriteAsync(bytes);
            entry.Status = status;
            if (entry.Outcome.Length == 0) entry.Outcome = outcome;
            return keepAlive;
        }
        switch (rule?.Kind)
        {
            case null:
            {
                if (await Forward() is not Message plain) return await Whole(Page(502, keepAlive), 502, "");
                return await Whole(Framed(plain, keepAlive, method), StatusOf(plain), "answered");
            }
            case FaultKind.ResetBefore:
                Reset(client);
                entry.Outcome = "reset before forwarding";
                return false;
            case FaultKind.ResetAfter:
                await Forward();
                Reset(client);
                entry.Outcome = "forwarded, upstream answered, client reset instead of the answer";
                return false;
            case FaultKind.ResetMiddle:
            case FaultKind.Truncate:
            {
                if (await Forward() is not Message passed) return await Whole(Page(502, keepAlive), 502, "");
                var (head, body) = Split(passed, keepAlive, method);
                var sent = rule.Bytes > 0 ? Math.Min(rule.Bytes, Math.Max(0, body.Length - 1)) : body.Length / 2;
                await stream.WriteAsync(head);
                await stream.WriteAsync(body.AsMemory(0, sent));
                await stream.FlushAsync();
                entry.Status = StatusOf(passed);
                if (rule.Kind == FaultKind.ResetMiddle)
                {
                    await Task.Delay(50);
                    Reset(client);
                    entry.Outcome = $"reset after {sent} of {body.Length} body bytes";
                }
                else
                {
                    client.Client.Shutdown(SocketShutdown.Send);
                    entry.Outcome = $"closed after {sent} of {body.Length} body bytes (Content-Length {body.Length})";
                }
                return false;
            }
            case FaultKind.StallBefore:
            case FaultKind.StallAfter:
            {
                if (rule.Kind == FaultKind.StallAfter) await Forward();
                var held = Stopwatch.StartNew();
                var gone = await Hold(stream, rule.HoldMs);
                entry.Outcome = (rule.Kind == FaultKind.StallAfter ? "forwarded, answer held back" : "held without forwarding") +
                    (gone ? $"; the client gave up after {held.ElapsedMilliseconds} ms" : $" for {rule.HoldMs} ms, then reset");
                Reset(client);
                return false;
            }
            case FaultKind.Status:
                if (rule.Forward) await Forward();
                entry.Outcome = rule.Forward ? $"forwarded, then answered {rule.Status} itself" : $"answered {rule.Status} itself";
                return await Whole(Page(rule.Status, keepAlive), rule.Status, "");
            case FaultKind.ErrorIn200:
            {
                var text = JsonSerializer.Serialize(new { errors = new[] { new { code = 500, message = rule.Message ?? "Looks like I encountered an error (error #500). If I do it again, please report me to the system administrator!", details = Array.Empty<object>() } } });
                return await Whole(Response(200, "OK", "application/json", Encoding.UTF8.GetBytes(text), keepAlive), 200, "answered 200 with an error body itself");
            }
            case FaultKind.Trickle:
            {
                if (await Forward() is not Message passed) return await Whole(Page(502, keepAlive), 502, "");
                var bytes = Framed(passed, keepAlive, method);
                var step = rule.Bytes > 0 ? rule.Bytes : 16;
                for (var at = 0; at < bytes.Length; at += step)
                {
                    await stream.WriteAsync(bytes.AsMemory(at, Math.Min(step, bytes.Length - at)));
                    await stream.FlushAsync();
                    if (at + step < bytes.Length) await Task.Delay(rule.DelayMs);
                }
                entry.Status = StatusOf(passed);
                entry.Outcome = $"answered {bytes.Length} bytes, {step} every {rule.DelayMs} ms";
                return keepAlive;
            }
            default:
                throw new InvalidOperationException(rule.Kind.ToString());
        }
    }

    /// <summary>Waits until the client closes its side (true) or <paramref name="ms"/> pass (false).</summary>
    static async Task<bool> Hold(NetworkStream stream, int ms)
    {
        using var cts = new CancellationTokenSource(ms);
        var one = new byte[1];
        try
        {
            while (await stream.ReadAsync(one, cts.Token) > 0) { }
            return true;
        }
        catch (OperationCanceledException) { return false; }
        catch (IOException) { return true; }
    }

    static void Reset(TcpClient client)
    {
        try
        {
            client.Client.LingerState = new LingerOption(true, 0);
            client.Client.Close();
        }
        catch (ObjectDisposedException) { }
    }

    static int StatusOf(Message m) => int.Parse(m.StartLine.Split(' ')[1], CultureInfo.InvariantCulture);

    /// <summary>Sends the request on a connection of its own (Connection: close) and reads the whole answer.</summary>
    async Task<Message> SendUpstream(Message request, string method)
    {
        using var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(upstream.Host, upstream.Port);
        var s = tcp.GetStream();
        var head = new StringBuilder(request.StartLine).Append("\r\n");
        foreach (var h in request.Headers)
            // Accept-Encoding dropped: the answer comes back plain, so a cut or a trickle falls where the offsets say.
            if (!HopByHop.Contains(h.Key) && !string.Equals(h.Key, "Accept-Encoding", StringComparison.OrdinalIgnoreCase))
                head.Append(h.Key).Append(": ").Append(h.Value).Append("\r\n");
        if (request.Body.Length > 0 || method is "POST" or "PUT" or "PATCH")
            head.Append("Content-Length: ").Append(request.Body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        head.Append("Connection: close\r\n\r\n");
        await s.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()));
        await s.WriteAsync(request.Body);
        await s.FlushAsync();
        var reader = new Reader(s);
        while (true)
        {
            var answer = await reader.ReadMessage(isRequest: false, headRequest: method == "HEAD")
                ?? throw new IOException("The upstream closed the connection without answering.");
            if (StatusOf(answer) >= 200) return answer;   // 100 Continue and the like: read on
        }
    }

    static byte[] Framed(Message m, bool keepAlive, string method)
    {
        var (head, body) = Split(m, keepAlive, method);
        return [.. head, .. body];
    }

    /// <summary>The answer re-framed for the client: hop-by-hop headers replaced by Content-Length and Connection.</summary>
    static (byte[] Head, byte[] Body) Split(Message m, bool keepAlive, string method)
    {
        var status = StatusOf(m);
        var head = new StringBuilder(m.StartLine).Append("\r\n");
        foreach (var h in m.Headers)
            if (!HopByHop.Contains(h.Key)) head.Append(h.Key).Append(": ").Append(h.Value).Append("\r\n");
        if (status != 204 && status != 304 && method != "HEAD")
            head.Append("Content-Length: ").Append(m.Body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        head.Append(keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n");
        return (Encoding.Latin1.GetBytes(head.ToString()), m.Body);
    }

    static byte[] Response(int status, string reason, string contentType, byte[] body, bool keepAlive)
    {
        var head = $"HTTP/1.1 {status} {reason}\r\nServer: Mautic.FaultProxy\r\nDate: {DateTime.UtcNow:R}\r\nContent-Type: {contentType}\r\n" +
                   $"Content-Length: {body.Length}\r\nConnection: {(keepAlive ? "keep-alive" : "close")}\r\n\r\n";
        return [.. Encoding.Latin1.GetBytes(head), .. body];
    }

    /// <summary>A gateway's error page, as nginx writes them.</summary>
    static byte[] Page(int status, bool keepAlive)
    {
        var reason = status switch
        {
            502 => "Bad Gateway",
            503 => "Service Temporarily Unavailable",
            504 => "Gateway Time-out",
            _ => "Error",
        };
        var html = $"<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n<center><h1>{status} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        return Response(status, reason, "text/html", Encoding.UTF8.GetBytes(html), keepAlive);
    }

    /// <summary>
    /// The control interface: POST /__fault/arm (a JSON rule) arms a fault and answers it with its id; GET /__fault/rules
    /// lists the rules with their hits; GET /__fault/log[?since=N] lists the requests taken (after sequence N);
    /// POST /__fault/reset removes every rule and empties the log.
    /// </summary>
    async Task Control(NetworkStream stream, string method, string target, byte[] body)
    {
        var path = target.Split('?')[0].TrimEnd('/').ToLowerInvariant();
        var query = target.Contains('?') ? target[(target.IndexOf('?') + 1)..] : "";
        object? result;
        var status = 200;
        try
        {
            switch (method, path)
            {
                case ("POST", "/__fault/arm"):
                    var rule = JsonSerializer.Deserialize<Rule>(body, Json) ?? throw new InvalidDataException("The body is not a rule.");
                    _ = new Regex(rule.Path);   // a bad pattern is the caller's error, now
                    lock (_lock)
                    {
                        rule.Id = _nextRule++;
                        rule.Hits = rule.Skipped = 0;
                        _rules.Add(rule);
                    }
                    result = rule;
                    break;
                case ("GET", "/__fault/rules"):
                    lock (_lock) result = _rules.ToList();
                    break;
                case ("GET", "/__fault/log"):
                    var since = 0;
                    foreach (var kv in query.Split('&'))
                        if (kv.StartsWith("since=", StringComparison.Ordinal)) since = int.Parse(kv[6..], CultureInfo.InvariantCulture);
                    lock (_lock) result = _log.Where(e => e.Seq > since).ToList();
                    break;
                case ("POST", "/__fault/reset"):
                    lock (_lock)
                    {
                        _rules.Clear();
                        _log.Clear();
                    }
                    result = new { reset = true };
                    break;
                default:
                    status = 404;
                    result = new { error = $"No control route {method} {path}: POST /__fault/arm, GET /__fault/rules, GET /__fault/log?since=N, POST /__fault/reset." };
                    break;
            }
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidDataException or FormatException)
        {
            status = 400;
            result = new { error = e.Message };
        }
        var bytes = JsonSerializer.SerializeToUtf8Bytes(result, Json);
        await stream.WriteAsync(Response(status, status == 200 ? "OK" : status == 404 ? "Not Found" : "Bad Request", "application/json", bytes, true));
    }
}

/// <summary>Reads HTTP/1.1 messages (head, then a body framed by Content-Length, chunked, or the end of the stream) from a stream.</summary>
sealed class Reader(Stream stream)
{
    byte[] _buf = new byte[16384];
    int _start, _end;

    async Task<bool> Fill()
    {
        if (_start == _end) _start = _end = 0;
        if (_end == _buf.Length)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buf, _start, _buf, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            else Array.Resize(ref _buf, _buf.Length * 2);
        }
        var n = await stream.ReadAsync(_buf.AsMemory(_end));
        if (n == 0) return false;
        _end += n;
        return true;
    }

    int Find(ReadOnlySpan<byte> what) => _buf.AsSpan(_start, _end - _start).IndexOf(what);

    async Task<string?> Line(bool eofOk)
    {
        while (true)
        {
            var i = Find("\r\n"u8);
            if (i >= 0)
            {
                var text = Encoding.Latin1.GetString(_buf, _start, i);
                _start += i + 2;
                return text;
            }
            if (!await Fill())
            {
                if (eofOk && _start == _end) return null;
                throw new IOException("The stream ended in the middle of a line.");
            }
        }
    }

    async Task<byte[]> Exact(long count)
    {
        var result = new byte[count];
        var at = 0;
        while (at < count)
        {
            if (_start == _end && !await Fill()) throw new IOException($"The stream ended after {at} of {count} body bytes.");
            var n = (int)Math.Min(count - at, _end - _start);
            Buffer.BlockCopy(_buf, _start, result, at, n);
            _start += n;
            at += n;
        }
        return result;
    }

    async Task<byte[]> ToEnd()
    {
        var all = new MemoryStream();
        while (true)
        {
            all.Write(_buf, _start, _end - _start);
            _start = _end = 0;
            if (!await Fill()) return all.ToArray();
        }
    }

    /// <summary>The next message, or null when the stream ends cleanly before one starts.</summary>
    public async Task<Message?> ReadMessage(bool isRequest, bool headRequest)
    {
        var start = await Line(eofOk: true);
        while (start != null && start.Length == 0) start = await Line(eofOk: true);   // stray CRLF between messages
        if (start == null) return null;
        var m = new Message { StartLine = start };
        while (true)
        {
            var line = await Line(eofOk: false) ?? "";
            if (line.Length == 0) break;
            var colon = line.IndexOf(':');
            if (colon <= 0) throw new InvalidDataException($"Not a header line: '{line}'.");
            m.Headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        var chunked = (m.Header("Transfer-Encoding") ?? "").Contains("chunked", StringComparison.OrdinalIgnoreCase);
        var length = m.Header("Content-Length");
        if (!isRequest)
        {
            var status = int.Parse(start.Split(' ')[1], CultureInfo.InvariantCulture);
            if (headRequest || status < 200 || status == 204 || status == 304) return m;
        }
        if (chunked)
        {
            var body = new MemoryStream();
            while (true)
            {
                var size = Convert.ToInt32(((await Line(eofOk: false))!).Split(';')[0].Trim(), 16);
                if (size == 0) break;
                body.Write(await Exact(size));
                await Line(eofOk: false);
            }
            while ((await Line(eofOk: false))!.Length > 0) { }   // trailers
            m.Body = body.ToArray();
        }
        else if (length != null) m.Body = await Exact(long.Parse(length, CultureInfo.InvariantCulture));
        else if (!isRequest) m.Body = await ToEnd();
        return m;
    }
}
