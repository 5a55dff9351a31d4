using System.Net;

namespace Mautic.FakeServer;

/// <summary>
/// Mautic's public tracking routes and what they record, measured on real 5.1.0 and 7.0.0 (both alike):
/// <list type="bullet">
/// <item>A send to a contact turns each http(s) link of the e-mail's HTML into a tracked link: one page_redirects row
/// per URL (shared by every e-mail; redirect_id a random key), one channel_url_trackables row per e-mail and redirect.</item>
/// <item>GET /email/{tracking_hash}.gif (no auth) answers the 43-byte GIF with 200, for any hash. A known hash marks the
/// send read (date_read at the first open, last_opened, open_count, open_details with the user agent), raises the
/// e-mail's readCount at the first open (7.0.0 only: 5.1.0 leaves it at 0), and adds an email_stats_devices row per open.</item>
/// <item>GET /r/{redirect_id}?ct=... (no auth) answers 302 to the target with the query appended (5.1.0: ct included;
/// 7.0.0: all but ct); an
/// unknown key is a 404 page. With a ct (base64 of a PHP-serialized array: source, email, stat, lead, channel) it adds a
/// page_hits row (email_id and lead_id from the ct, source "email", url the target, code 200) and counts a hit on the
/// redirect and the e-mail's trackable (unique_hits once per contact); without a ct nothing is recorded.</item>
/// </list>
/// Not emulated: devices (lead_devices, device_id), IP rows (ip_id is always 1), geo columns beyond empty strings,
/// the anonymous visitor Mautic creates for a click whose ct names no contact.
/// </summary>
static partial class Routes
{
    static readonly byte[] TrackingPixel = Convert.FromBase64String("R0lGODlhAQABAJAAAP8AAAAAACH5BAUQAAAALAAAAAABAAEAAAICBAEAOw==");
    static readonly Regex TrackedLink = new("href\\s*=\\s*[\"'](https?://[^\"']+)[\"']", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    static void MapEngagement(WebApplication app, FakeState s)
    {
        app.MapGet("/email/{hash}.gif", ctx => EmailPixel(ctx, s));
        app.MapGet("/r/{key}", ctx => RedirectHit(ctx, s));
    }

    /// <summary>At a send: the e-mail's links as redirects (one per URL) and its trackables (one per redirect).</summary>
    internal static void TrackLinks(FakeState s, Entity email, Principal who)
    {
        foreach (Match m in TrackedLink.Matches(email.Text("customHtml") ?? ""))
        {
            var url = WebUtility.HtmlDecode(m.Groups[1].Value);
            var r = s.Redirects.FirstOrDefault(x => x.Url == url);
            if (r == null)
                s.Redirects.Add(r = new Redirect { Id = s.Redirects.Count + 1, Key = Guid.NewGuid().ToString("N")[..25], Url = url, CreatedByUser = who.Name });
            if (!s.Trackables.Any(t => t.ChannelId == email.Id && t.RedirectId == r.Id))
                s.Trackables.Add(new Trackable { ChannelId = email.Id, RedirectId = r.Id });
        }
    }

    static Task EmailPixel(HttpContext ctx, FakeState s)
    {
        var hash = (string)ctx.Request.RouteValues["hash"]!;
        lock (s.Sync)
        {
            var stat = s.Sent.FirstOrDefault(x => x.TrackingHash == hash);
            if (stat != null)
            {
                var now = DateTime.UtcNow;
                // 7.0.0 raises the e-mail's readCount at a send's first open; 5.1.0 leaves it at 0 (measured, the same request).
                if (stat.DateRead == null && s.IsV7 && s.Emails.Rows.TryGetValue(stat.EmailId, out var e)) Count(e, "readCount", 1);
                stat.DateRead ??= now;
                stat.LastOpened = now;
                stat.Opens.Add((now, ctx.Request.Headers.UserAgent.FirstOrDefault()));
                s.EmailOpens.Add(new EmailOpen(s.EmailOpens.Count + 1, stat.Id, now));
            }
        }
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "image/gif";
        ctx.Response.Headers.CacheControl = "max-age=0, must-revalidate, no-cache=Set-Cookie, private, proxy-revalidate";
        return ctx.Response.Body.WriteAsync(TrackingPixel).AsTask();
    }

    static Task RedirectHit(HttpContext ctx, FakeState s)
    {
        var key = (string)ctx.Request.RouteValues["key"]!;
        lock (s.Sync)
        {
            var r = s.Redirects.FirstOrDefault(x => x.Key == key);
            if (r == null)
            {
                ctx.Response.StatusCode = 404;
                ctx.Response.ContentType = "text/html; charset=UTF-8";
                return ctx.Response.WriteAsync("<!DOCTYPE html><html><body><h1>404 Not Found</h1><p>The requested URL n/a was not found.</p></body></html>");
            }
            // 5.1.0 appends the whole query to the target, ct included; 7.0.0 appends all but ct (measured).
            var query = string.Join("&", ctx.Request.Query.Where(p => !(s.IsV7 && p.Key == "ct"))
                .SelectMany(p => p.Value.Select(v => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(v ?? ""))));
            var ct = ctx.Request.Query["ct"].FirstOrDefault();
            if (!string.IsNullOrEmpty(ct))
            {
                var decoded = DecodeClickthrough(ct);
                var contact = ClickthroughId(decoded, "lead") is long l && s.Contacts.ContainsKey(l) ? l : (long?)null;
                var emailId = ClickthroughId(decoded, "email");
                s.PageHits.Add(new PageHit(s.PageHits.Count + 1, r.Id, emailId, contact, DateTime.UtcNow, r.Url,
                    ctx.Request.Headers.UserAgent.FirstOrDefault(), decoded ?? "", Guid.NewGuid().ToString("N")[..23]));
                r.Hits++;
                if (contact is long c1 && r.Visitors.Add(c1)) r.UniqueHits++;
                if (emailId is long eid && s.Trackables.FirstOrDefault(t => t.ChannelId == eid && t.RedirectId == r.Id) is { } t)
                {
                    t.Hits++;
                    if (contact is long c2 && t.Visitors.Add(c2)) t.UniqueHits++;
                }
            }
            var target = query.Length == 0 ? r.Url : r.Url + (r.Url.Contains('?') ? "&" : "?") + query;
            ctx.Response.StatusCode = 302;
            ctx.Response.Headers.Location = target;
            return Task.CompletedTask;
        }
    }

    /// <summary>The PHP-serialized array a ct carries (base64, URL-encoded), or null when it is not one.</summary>
    static string? DecodeClickthrough(string ct)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(ct));
            return text.StartsWith("a", StringComparison.Ordinal) ? text : null;
        }
        catch (FormatException) { return null; }
    }

    /// <summary>The id under a top-level key of a serialized ct (s:4:"lead";i:5; or s:4:"lead";s:1:"5";); null when absent.</summary>
    static long? ClickthroughId(string? serialized, string key)
    {
        if (serialized == null) return null;
        try
        {
            var pos = 0;
            var value = PhpValue(serialized, ref pos) is Dictionary<string, object?> top ? top.GetValueOrDefault(key) : null;
            return value switch
            {
                long l => l,
                string t when long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var p) => p,
                _ => null,
            };
        }
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException or IndexOutOfRangeException) { return null; }
    }

    /// <summary>One value of PHP's serialize() format: N; b:1; i:5; d:1.5; s:3:"abc"; a:n:{key;value;...} (keys as strings).</summary>
    static object? PhpValue(string t, ref int pos)
    {
        var type = t[pos];
        if (type == 'N') { pos += 2; return null; }
        var colon = t.IndexOf(':', pos + 2);
        switch (type)
        {
            case 'b':
            case 'i':
            case 'd':
            {
                var end = t.IndexOf(';', pos);
                var raw = t.Substring(pos + 2, end - pos - 2);
                pos = end + 1;
                if (type == 'b') return raw == "1";
                if (type == 'i') return long.Parse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                return double.Parse(raw, CultureInfo.InvariantCulture);
            }
            case 's':
            {
                var length = int.Parse(t.Substring(pos + 2, colon - pos - 2), CultureInfo.InvariantCulture);
                var bytes = Encoding.UTF8.GetBytes(t.Substring(colon + 2));
                var text = Encoding.UTF8.GetString(bytes, 0, length);
                pos = colon + 2 + text.Length + 2;
                return text;
            }
            case 'a':
            {
                var count = int.Parse(t.Substring(pos + 2, colon - pos - 2), CultureInfo.InvariantCulture);
                pos = colon + 2;
                var map = new Dictionary<string, object?>();
                for (var i = 0; i < count; i++)
                {
                    var k = Convert.ToString(PhpValue(t, ref pos), CultureInfo.InvariantCulture) ?? "";
                    map[k] = PhpValue(t, ref pos);
                }
                pos++;   // the closing brace
                return map;
            }
            default:
                throw new FormatException("Not PHP's serialize() format at " + pos);
        }
    }

    /// <summary>PHP's serialize() of a send's open_details: each open's datetime, useragent and inBrowser (false).</summary>
    static string OpenDetails(SentEmail x)
    {
        static string Str(string? v) => v == null ? "N;" : $"s:{Encoding.UTF8.GetByteCount(v)}:\"{v}\";";
        var sb = new StringBuilder($"a:{x.Opens.Count}:{{");
        for (var i = 0; i < x.Opens.Count; i++)
            sb.Append($"i:{i};a:3:{{s:8:\"datetime\";{Str(Sql(x.Opens[i].At))}s:9:\"useragent\";{Str(x.Opens[i].UserAgent)}s:9:\"inBrowser\";b:0;}}");
        return sb.Append('}').ToString();
    }

    /// <summary>email_stats_devices: an open goes with its contact's device, so a deleted contact's opens are gone (measured).</summary>
    static List<List<(string Col, string? Val)>> EmailOpenRows(FakeState s) => s.EmailOpens
        .Where(o => s.Sent.FirstOrDefault(x => x.Id == o.StatId) is { } stat && s.Contacts.ContainsKey(stat.ContactId)).OrderBy(o => o.Id).Select(o => new List<(string, string?)>
    {
        ("id", N(o.Id)), ("stat_id", N(o.StatId)), ("ip_id", "1"), ("date_opened", Sql(o.DateOpened)),
    }).ToList();

    static List<List<(string Col, string? Val)>> PageHitRows(FakeState s) => s.PageHits.OrderBy(h => h.Id).Select(h => new List<(string, string?)>
    {
        // A deleted e-mail or contact leaves its clicks with email_id / lead_id NULL (the e-mail's clicks then drop out of e-mail activity).
        ("id", N(h.Id)), ("redirect_id", N(h.RedirectId)), ("email_id", h.EmailId is long e && s.Emails.Rows.ContainsKey(e) ? N(e) : null),
        ("lead_id", h.ContactId is long c && s.Contacts.ContainsKey(c) ? N(c) : null),
        ("ip_id", "1"), ("date_hit", Sql(h.DateHit)), ("country", ""), ("region", ""), ("city", ""), ("isp", ""), ("organization", ""),
        ("code", "200"), ("url", h.Url), ("user_agent", h.UserAgent), ("browser_languages", "a:0:{}"), ("tracking_id", h.TrackingId),
        ("source", h.EmailId != null ? "email" : null), ("source_id", h.EmailId is long se ? N(se) : null), ("query", h.Query),
    }).ToList();

    static List<List<(string Col, string? Val)>> RedirectRows(FakeState s) => s.Redirects.OrderBy(r => r.Id).Select(r =>
    {
        var row = new List<(string, string?)> { ("id", N(r.Id)), ("is_published", "1"), ("date_added", Sql(r.DateAdded)), ("created_by_user", r.CreatedByUser) };
        if (s.IsV7) row.AddRange([("date_modified", Sql(r.DateAdded)), ("modified_by_user", r.CreatedByUser)]);   // 7.0.0 stamps the change too
        row.AddRange([("redirect_id", r.Key), ("url", r.Url), ("hits", N(r.Hits)), ("unique_hits", N(r.UniqueHits))]);
        return row;
    }).ToList();

    static List<List<(string Col, string? Val)>> TrackableRows(FakeState s) => s.Trackables.Select(t => new List<(string, string?)>
    {
        ("channel_id", N(t.ChannelId)), ("redirect_id", N(t.RedirectId)), ("channel", t.Channel), ("hits", N(t.Hits)), ("unique_hits", N(t.UniqueHits)),
    }).ToList();

    /// <summary>lead_donotcontact: every contact's entries, by id.</summary>
    static List<List<(string Col, string? Val)>> DncRows(FakeState s) => s.Contacts.Values.SelectMany(c => c.Dnc.Select(d => (c.Id, d))).OrderBy(x => x.d.Id)
        .Select(x => new List<(string, string?)>
        {
            ("id", N(x.d.Id)), ("lead_id", N(x.Id)), ("date_added", Sql(x.d.DateAdded)), ("reason", N(x.d.Reason)), ("channel", x.d.Channel),
            ("channel_id", x.d.ChannelId is long ch ? N(ch) : null), ("comments", x.d.Comments),
        }).ToList();
}
