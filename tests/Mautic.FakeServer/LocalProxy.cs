using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Mautic.FakeServer;

/// <summary>
/// A real HTTP proxy that wants a user name and password (Debian's tinyproxy, BasicAuth), started on 127.0.0.1 with an
/// OS-free port and a temporary configuration, stopped (and its folder removed) on Dispose. Its access log shows each
/// request it was asked to carry ("Request (file descriptor N): GET http://... HTTP/1.1") and each one it carried
/// ("Established connection to host ..."). <see cref="Missing"/> says why it cannot run (no tinyproxy on PATH).
/// </summary>
public sealed class LocalProxy : IDisposable
{
    public const string User = "proxyuser";
    /// <summary>The proxy password: a test asserts it appears nowhere in output, streams or errors.</summary>
    public const string Password = "Pr0xy-Secret-5150";

    readonly Process _process;
    readonly string _folder;

    LocalProxy(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}";
    string LogPath => Path.Combine(_folder, "access.log");

    /// <summary>The path of tinyproxy, or null.</summary>
    public static string? Binary =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Concat(new[] { "/usr/bin", "/usr/sbin" })
            .Select(d => Path.Combine(d, "tinyproxy")).FirstOrDefault(File.Exists);

    /// <summary>Why the proxy cannot be started here, or null when it can.</summary>
    public static string? Missing => Binary == null ? "tinyproxy is not installed (Debian: apt-get install tinyproxy)" : null;

    public static LocalProxy Start()
    {
        var binary = Binary ?? throw new InvalidOperationException(Missing);
        var folder = Path.Combine(Path.GetTempPath(), "mautic-proxy-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var config = Path.Combine(folder, "tinyproxy.conf");
            File.WriteAllText(config, $"""
                Port {port}
                Listen 127.0.0.1
                Timeout 60
                LogFile "{Path.Combine(folder, "access.log")}"
                LogLevel Info
                MaxClients 50
                Allow 127.0.0.1
                BasicAuth {User} {Password}
                DisableViaHeader Yes
                """);
            var process = Process.Start(new ProcessStartInfo(binary, $"-d -c \"{config}\"")
                { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var proxy = new LocalProxy(process, folder, port);
            var until = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < until && !process.HasExited)
            {
                try
                {
                    using var probe = new TcpClient();
                    probe.Connect(IPAddress.Loopback, port);
                    return proxy;
                }
                catch (SocketException) { Thread.Sleep(100); }
            }
            proxy.Stop();
            if (attempt >= 2) throw new InvalidOperationException($"tinyproxy did not start on port {port}: {proxy.Log}");
        }
    }

    /// <summary>The access log so far.</summary>
    public string Log
    {
        get
        {
            try
            {
                using var s = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                return new StreamReader(s).ReadToEnd();
            }
            catch (IOException) { return ""; }
        }
    }

    /// <summary>The request lines the proxy was asked to carry ("GET http://127.0.0.1:5000/api/users/self").</summary>
    public IReadOnlyList<string> Requests => Log.Split('\n')
        .Select(l => l.IndexOf("Request (file descriptor", StringComparison.Ordinal) is var i && i >= 0 ? l.Substring(l.IndexOf("): ", i, StringComparison.Ordinal) + 3).Trim() : null)
        .Where(l => l != null).Select(l => l!.EndsWith(" HTTP/1.1", StringComparison.Ordinal) ? l[..^9] : l!).ToList();

    /// <summary>How many connections the proxy opened to a server (requests it carried after accepting the credentials).</summary>
    public int Carried => Log.Split('\n').Count(l => l.Contains("Established connection to host", StringComparison.Ordinal));

    static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    void Stop()
    {
        try { if (!_process.HasExited) { _process.Kill(true); _process.WaitForExit(5000); } } catch (InvalidOperationException) { }
        _process.Dispose();
    }

    public void Dispose()
    {
        Stop();
        try { Directory.Delete(_folder, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
