namespace Mautic.FakeServer;

/// <summary>
/// What a request costs a real Mautic's server (benchmarks; off unless <see cref="FakeState.Service"/> is set). Measured on
/// Mautic 5.1.0 (PHP 8.2 built-in server with 4 workers, MariaDB, 2 cores, loopback; issue 16): every HTTP Basic request
/// costs ~0.45 s of CPU because Mautic checks the password with bcrypt on every call, a Bearer request ~0.08 s, a batch of
/// 200 new contacts ~3.8 s (~19 ms a contact written), a listed contact ~1.3 ms, a deleted one ~5 ms. Requests share
/// <see cref="Cores"/> cores, at most <see cref="Workers"/> at a time (PHP's workers; the rest queue).
/// </summary>
public sealed class ServiceModel
{
    /// <summary>The HttpContext item a route sets to the number of records a request handled (a batch's items, a page's rows).</summary>
    public const string RecordsItem = "fake.records";

    /// <summary>CPU seconds a request authenticated with HTTP Basic costs before its work.</summary>
    public double BasicSeconds { get; set; } = 0.45;
    /// <summary>CPU seconds a request with a Bearer token costs before its work (and what a token grant costs).</summary>
    public double BearerSeconds { get; set; } = 0.08;
    /// <summary>CPU seconds per contact created or changed (a batch of 200 new contacts is ~3.8 s).</summary>
    public double WriteSecondsPerRecord { get; set; } = 3.8 / 200;
    /// <summary>CPU seconds per contact listed or read.</summary>
    public double ReadSecondsPerRecord { get; set; } = 0.0013;
    /// <summary>CPU seconds per contact deleted.</summary>
    public double DeleteSecondsPerRecord { get; set; } = 0.005;
    /// <summary>PHP workers: requests served at once; the others wait for one.</summary>
    public int Workers { get; set; } = 4;
    /// <summary>Cores the workers share (processor sharing: n busy workers each run at min(1, Cores / n)).</summary>
    public double Cores { get; set; } = 2;

    /// <summary>The CPU seconds a request costs: its authentication plus its records' work by method (GET reads, DELETE deletes, other writes).</summary>
    public double Cost(string method, bool basic, int records)
    {
        var perRecord = method switch
        {
            "GET" => ReadSecondsPerRecord,
            "DELETE" => DeleteSecondsPerRecord,
            _ => WriteSecondsPerRecord,
        };
        return (basic ? BasicSeconds : BearerSeconds) + Math.Max(0, records) * perRecord;
    }
}

/// <summary>
/// Processor sharing over virtual time: jobs with CPU work in seconds, <c>cores</c> of capacity; while n jobs run each
/// progresses at min(1, cores / n) seconds of work per second. Pure arithmetic (the caller gives the time), so it can
/// be tested without waiting; <see cref="ServiceClock"/> drives it with real time.
/// </summary>
public sealed class ProcessorSharing(double cores)
{
    readonly List<(object Job, double Left)> _jobs = new();
    double _now;

    public int Running => _jobs.Count;

    /// <summary>Work per second each running job gets now.</summary>
    public double Rate => _jobs.Count == 0 ? 0 : Math.Min(1, cores / _jobs.Count);

    /// <summary>Moves time on to <paramref name="now"/> (never back) and returns the jobs whose work is done.</summary>
    public List<object> Advance(double now)
    {
        if (now > _now)
        {
            var work = (now - _now) * Rate;
            for (var i = 0; i < _jobs.Count; i++) _jobs[i] = (_jobs[i].Job, _jobs[i].Left - work);
            _now = now;
        }
        var done = new List<object>();
        for (var i = _jobs.Count - 1; i >= 0; i--)
            if (_jobs[i].Left <= 1e-9) { done.Insert(0, _jobs[i].Job); _jobs.RemoveAt(i); }
        return done;
    }

    /// <summary>Starts a job needing <paramref name="work"/> CPU seconds at time <paramref name="now"/>; returns what finished meanwhile.</summary>
    public List<object> Add(object job, double work, double now)
    {
        var done = Advance(now);
        _jobs.Add((job, Math.Max(0, work)));
        done.AddRange(Advance(now));
        return done;
    }

    /// <summary>When the next job finishes if nothing else arrives, or null when none runs.</summary>
    public double? NextCompletion() => _jobs.Count == 0 ? null : _now + _jobs.Min(j => j.Left) / Rate;
}

/// <summary>Runs <see cref="ProcessorSharing"/> in real time: a request awaits <see cref="Serve"/> for its CPU seconds.</summary>
public sealed class ServiceClock : IDisposable
{
    readonly ProcessorSharing _ps;
    readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    readonly Timer _timer;
    readonly object _gate = new();

    public ServiceClock(double cores)
    {
        _ps = new ProcessorSharing(cores);
        _timer = new Timer(_ => Tick(null, 0));
    }

    double Now => _clock.Elapsed.TotalSeconds;

    /// <summary>Completes once <paramref name="work"/> CPU seconds were served alongside the other requests.</summary>
    public Task Serve(double work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Tick(done, work);
        return done.Task;
    }

    void Tick(TaskCompletionSource? job, double work)
    {
        List<object> finished;
        lock (_gate)
        {
            finished = job == null ? _ps.Advance(Now) : _ps.Add(job, work, Now);
            var next = _ps.NextCompletion();
            _timer.Change(next is double t ? TimeSpan.FromSeconds(Math.Max(0.0005, t - Now)) : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        foreach (var f in finished) ((TaskCompletionSource)f).TrySetResult();
    }

    public void Dispose() => _timer.Dispose();
}
