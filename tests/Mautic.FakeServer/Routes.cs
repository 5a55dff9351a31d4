using System.Text.Json;

namespace Mautic.FakeServer;

/// <summary>Mautic's routes as mautic-endpoints.tsv lists them, with the quirks of mautic-api-facts.md.</summary>
static partial class Routes
{
    /// <summary>Mautic 5.1.0's offline page (app/.../offline.html.php as served, measured with its database unreachable).</summary>
    internal const string OfflinePage = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
            <meta charset="utf-8">
            <meta http-equiv="X-UA-Compatible" content="IE=edge">
            <title>Site is offline</title>
            <link rel="stylesheet" href="/media/css/app.css"/>
        </head>
        <body>
        <div class="container"><div class="alert alert-danger">
            <div>The site is currently offline due to encountering an error. If the problem persists, please contact the system administrator.</div>
            <div class="text-muted small text-right mt-10">:</div>
        </div></div>
        </body>
        </html>
        """;

    static readonly Regex EmailRule = new(@"^[^@\s]+@[^@\s]+\.[^@\s]+$");

    /// <summary>
    /// MySQL's utf8mb4_unicode_ci, which orders and compares Mautic's text columns: case- and accent-insensitive,
    /// punctuation before digits before letters ('lead1@' &lt; 'lead10@' &lt; 'lead2@'; '_' &lt; '-'), as the real
    /// server sorts. Ordinal order ('lead100@' &lt; 'lead10@' &lt; 'lead1@') is not what Mautic does.
    /// </summary>
    public static readonly StringComparer Collation = StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace);

    /// <summary>PHP's FILTER_SANITIZE_EMAIL, which Mautic applies to e-mail values before validating them: 'léad@x' becomes 'lad@x'.</summary>
    static string SanitizeEmail(string v) =>
        new string(v.Where(ch => ch < 128 && (char.IsLetterOrDigit(ch) || "!#$%&'*+-=?^_`{|}~@.[]".Contains(ch))).ToArray()).Trim();

    public static void Map(WebApplication app, FakeState s)
    {
        app.Use((ctx, next) => Serve(ctx, next, s));
        app.Use(async (ctx, next) =>
        {
            var path = ctx.Request.Path.Value ?? "/";
            if (path.StartsWith("/__fake", StringComparison.Ordinal)) { await next(); return; }
            using var inFlight = s.Arrived();
            string body;
            if (ctx.Request.HasFormContentType && ctx.Request.ContentLength > PostMaxSize)
            {
                // PHP drops a form body over post_max_size before Mautic runs (UploadFile answers as Mautic then does).
                if (ctx.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
                await ctx.Request.Body.CopyToAsync(Stream.Null, ctx.RequestAborted);
                body = $"({ctx.Request.ContentLength} bytes over post_max_size, dropped)";
            }
            else
            {
                ctx.Request.EnableBuffering();
                using (var reader = new StreamReader(ctx.Request.Body, Encoding.UTF8, leaveOpen: true)) body = await reader.ReadToEndAsync();
                ctx.Request.Body.Position = 0;
            }
            s.Requests.Enqueue(new RecordedRequest(ctx.Request.Method, path, ctx.Request.QueryString.Value ?? "", body,
                ctx.Request.Headers.Authorization.FirstOrDefault(), ctx.Request.Headers.UserAgent.FirstOrDefault(), DateTime.UtcNow));

            if (s.ClockOffset != TimeSpan.Zero)
            {
                var offset = s.ClockOffset;
                ctx.Response.OnStarting(() => { ctx.Response.Headers.Date = (DateTimeOffset.UtcNow + offset).ToString("r", CultureInfo.InvariantCulture); return Task.CompletedTask; });
            }
            var fault = s.TakeFault(ctx.Request.Method, path);
            if (fault != null && fault.Kind != FaultKind.DropAfter && await ApplyFault(ctx, fault)) return;

            if (path.StartsWith("/api/", StringComparison.Ordinal) || path == "/api")
            {
                // Not cut short when the client goes away: PHP finishes the request, so a batch whose client was stopped
                // is saved whole (measured on 5.1.0 and 7.0.0, tests/Live/Mautic.Stop.Tests.ps1).
                if (s.LatencyMs > 0) await Task.Delay(s.LatencyMs);
                if (s.RateLimit > 0)
                {
                    var (limit, remaining, reset, over) = s.CountRateLimitedCall();
                    ctx.Response.Headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
                    ctx.Response.Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
                    ctx.Response.Headers["X-RateLimit-Reset"] = new DateTimeOffset(reset).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                    if (over)
                    {
                        ctx.Response.StatusCode = 429;
                        ctx.Response.ContentType = "application/json";
                        await ctx.Response.WriteAsync($"{{ \"errors\": [ {{ \"code\": 429, \"message\": \"You exceeded the rate limit of {limit} API calls per hour.\", \"details\": [] }} ]}}");
                        return;
                    }
                }
                if (!s.ApiEnabled) { await Error(ctx, 403, "API disabled. You need to enable the API in the API settings of Mautic's Configuration.", "api_disabled", version: null); return; }
                if (!await Authenticate(ctx, s)) return;
                ctx.Response.Headers["Mautic-Version"] = s.Version;
                if ((path == "/api/v2" || path.StartsWith("/api/v2/", StringComparison.Ordinal)) && await V2Gate(ctx, s, path)) return;
            }
            if (fault?.Kind == FaultKind.DropAfter)
            {
                // Handled and saved, and the answer never leaves.
                var answer = ctx.Response.Body;
                ctx.Response.Body = new MemoryStream();
                try { await next(); }
                finally { ctx.Response.Body = answer; }
                ctx.Abort();
                return;
            }
            await next();
        });

        app.MapPost("/oauth/v2/token", ctx => Token(ctx, s));
        app.MapGet("/api/users/self", ctx =>
        {
            var role = new JsonObject { ["isPublished"] = true, ["id"] = 1, ["name"] = "Administrator", ["description"] = "Full system access", ["isAdmin"] = true };
            var who = Who(ctx);
            if (who.UserId == null)
            {
                // A client_credentials token: a pseudo user named after the client, with no id and no e-mail.
                var i = who.Name.LastIndexOf(" [", StringComparison.Ordinal);
                return Json(ctx, 200, new JsonObject
                {
                    ["isPublished"] = true, ["username"] = who.Name, ["firstName"] = who.Name[..i], ["lastName"] = who.Name[(i + 1)..],
                    ["role"] = role, ["timezone"] = "", ["locale"] = "",
                });
            }
            // The admin is user 1 of the users table; the fixed answer stands in when a test deleted it.
            if (SelfUser(s) is JsonObject stored) return Json(ctx, 200, stored);
            return Json(ctx, 200, new JsonObject
            {
                ["isPublished"] = true, ["id"] = 1, ["username"] = s.AdminUser, ["firstName"] = "Admin", ["lastName"] = "User",
                ["email"] = "admin@example.com", ["role"] = role, ["timezone"] = "", ["locale"] = "",
            });
        });

        // contacts
        app.MapGet("/api/contacts", ctx => ListContacts(ctx, s));
        app.MapGet("/api/contacts/{id:long}", ctx => Locked(s, () =>
            s.Contacts.TryGetValue(Id(ctx), out var c) ? Json(ctx, 200, new JsonObject { ["contact"] = RenderContact(c, s) }) : NotFound(ctx)));
        app.MapPost("/api/contacts/new", ctx => CreateContact(ctx, s));
        app.MapPost("/api/contacts/batch/new", ctx => BatchContacts(ctx, s, edit: false));
        app.MapMethods("/api/contacts/batch/edit", ["PUT", "PATCH"], ctx => BatchContacts(ctx, s, edit: true));
        app.MapMethods("/api/contacts/{id:long}/edit", ["PUT", "PATCH"], ctx => EditContact(ctx, s));
        app.MapDelete("/api/contacts/batch/delete", ctx => BatchDeleteContacts(ctx, s));
        app.MapDelete("/api/contacts/{id:long}/delete", ctx => Locked(s, () =>
        {
            if (!s.Contacts.TryGetValue(Id(ctx), out var c)) return NotFound(ctx);
            var rendered = RenderContact(c, s);
            rendered["id"] = null; // Mautic renders the entity after Doctrine removed it: its id is null
            s.Contacts.Remove(c.Id);
            foreach (var seg in s.Segments.Values) seg.Members.Remove(c.Id);
            ContactNotesGone(s, c.Id);
            ContactDevicesGone(s, c.Id);
            return Json(ctx, 200, new JsonObject { ["contact"] = rendered });
        }));
        app.MapGet("/api/contacts/{id:long}/segments", ctx => Locked(s, () =>
        {
            if (!s.Contacts.ContainsKey(Id(ctx))) return NotFound(ctx);
            var lists = s.Segments.Values.Where(g => g.Members.Contains(Id(ctx)))
                .Select(g => (g.Id.ToString(CultureInfo.InvariantCulture), (JsonNode?)new JsonObject { ["id"] = g.Id, ["name"] = g.Name, ["alias"] = g.Alias, ["dateAdded"] = Date(DateTime.UtcNow.AddDays(-3)), ["manuallyRemoved"] = false, ["manuallyAdded"] = true }))
                .ToList();
            return Json(ctx, 200, new JsonObject { ["total"] = lists.Count, ["lists"] = PhpMap(lists) });
        }));

        // segments (Mautic's "lists")
        app.MapGet("/api/segments", ctx => ListSegments(ctx, s));
        app.MapGet("/api/segments/{id:long}", ctx => Locked(s, () =>
            s.Segments.TryGetValue(Id(ctx), out var g) ? Json(ctx, 200, new JsonObject { ["list"] = RenderSegment(g, s) }) : NotFound(ctx)));
        app.MapPost("/api/segments/new", ctx => CreateSegment(ctx, s));
        app.MapDelete("/api/segments/{id:long}/delete", ctx => Locked(s, () =>
        {
            if (!s.Segments.TryGetValue(Id(ctx), out var g)) return NotFound(ctx);
            var rendered = RenderSegment(g, s);
            rendered["id"] = null;
            s.Segments.Remove(g.Id);
            return Json(ctx, 200, new JsonObject { ["list"] = rendered });
        }));
        app.MapMethods("/api/segments/{id:long}/edit", ["PUT", "PATCH"], ctx => EditSegment(ctx, s));
        app.MapPost("/api/segments/batch/new", ctx => SegmentBatch(ctx, s, edit: false));
        app.MapMethods("/api/segments/batch/edit", ["PUT", "PATCH"], ctx => SegmentBatch(ctx, s, edit: true));
        app.MapDelete("/api/segments/batch/delete", ctx => DeleteSegments(ctx, s));
        app.MapPost("/api/segments/{id:long}/contact/{cid:long}/add", ctx => SegmentMember(ctx, s, add: true));
        app.MapPost("/api/segments/{id:long}/contact/{cid:long}/remove", ctx => SegmentMember(ctx, s, add: false));
        app.MapPost("/api/segments/{id:long}/contacts/add", ctx => SegmentAddMany(ctx, s));

        // the simple areas (tags, stages, companies, ...): Mautic's ten standard routes each, from FakeAreas' table
        foreach (var area in FakeAreas.All) MapArea(app, s, area);
        MapUsersPoints(app, s);
        MapNotesFields(app, s);
        app.MapPost("/api/stages/{id:long}/contact/{cid:long}/add", ctx => StageMember(ctx, s, add: true));
        app.MapPost("/api/stages/{id:long}/contact/{cid:long}/remove", ctx => StageMember(ctx, s, add: false));
        app.MapPost("/api/companies/{id:long}/contact/{cid:long}/add", ctx => CompanyMember(ctx, s, add: true));
        app.MapPost("/api/companies/{id:long}/contact/{cid:long}/remove", ctx => CompanyMember(ctx, s, add: false));
        app.MapGet("/api/contacts/{id:long}/companies", ctx => ContactCompanies(ctx, s));
        MapCampaigns(app, s);
        MapStats(app, s);
        MapFilesThemes(app, s);
        MapDashboard(app, s);
        MapContactExtras(app, s);

        MapEmails(app, s);
        MapEngagement(app, s);
        MapProjects(app, s);
        MapTagsV2(app, s);
        MapV2Reads(app, s);
        MapContactCategories(app, s);

        // test control (used by the Pester suite, which runs the server out of process)
        app.MapPost("/__fake/faults", async ctx =>
        {
            var f = await JsonSerializer.DeserializeAsync<Fault>(ctx.Request.Body, new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } });
            s.Arm(f!);
            ctx.Response.StatusCode = 204;
        });
        app.MapPost("/__fake/settings", async ctx =>
        {
            var o = (await JsonNode.ParseAsync(ctx.Request.Body))!.AsObject();
            if (o["apiEnabled"] is JsonNode a) s.ApiEnabled = a.GetValue<bool>();
            if (o["basicAuthEnabled"] is JsonNode b) s.BasicAuthEnabled = b.GetValue<bool>();
            if (o["accessTokenLifetimeSeconds"] is JsonNode l) s.AccessTokenLifetime = TimeSpan.FromSeconds(l.GetValue<double>());
            if (o["latencyMs"] is JsonNode lat) s.LatencyMs = lat.GetValue<int>();
            if (o["rateLimit"] is JsonNode rl) s.RateLimit = rl.GetValue<int>();
            if (o["rateLimitWindowSeconds"] is JsonNode rw) s.RateLimitWindow = TimeSpan.FromSeconds(rw.GetValue<double>());
            if (o["clockOffsetSeconds"] is JsonNode clock) s.ClockOffset = TimeSpan.FromSeconds(clock.GetValue<double>());
            if (o["smsTransport"] is JsonNode sms) s.SmsTransport = sms.GetValue<bool>();
            if (o["mauticVersion"] is JsonNode ver) s.Version = ver.GetValue<string>();   // 7.0.0 switches on what Mautic 7 does differently
            ctx.Response.StatusCode = 204;
        });
        app.MapPost("/__fake/refresh-token", ctx => Json(ctx, 200, new JsonObject { ["refresh_token"] = s.IssueRefreshToken() }, version: null));
        app.MapGet("/__fake/requests", ctx => Json(ctx, 200, new JsonArray(s.Requests.Select(r => (JsonNode)new JsonObject
            { ["method"] = r.Method, ["path"] = r.Path, ["query"] = r.Query, ["body"] = r.Body }).ToArray()), version: null));
        app.MapGet("/__fake/sent", ctx => Locked(s, () => Json(ctx, 200, new JsonArray(s.Sent.Select(x => (JsonNode)new JsonObject
            { ["emailId"] = x.EmailId, ["contactId"] = x.ContactId, ["tokens"] = x.Tokens }).ToArray()), version: null)));

        app.MapFallback(ctx =>
        {
            var p = ctx.Request.Path.Value ?? "";
            if (p.StartsWith("/api", StringComparison.Ordinal))
            {
                // A route real Mautic has but this fake does not emulate: say so, never pass it off as Mautic's 404.
                if (RouteTable.Find(ctx.Request.Method, p) is { } known)
                    return Error(ctx, 501, $"The fake Mautic does not emulate {known.Method} {known.Path} ({known.Area} {known.Operation}).", "fake_not_emulated", s.Version);
                return Error(ctx, 404, "Requested URL not found: " + p, null, s.Version);
            }
            ctx.Response.StatusCode = 404;
            ctx.Response.ContentType = "text/html; charset=UTF-8";
            return ctx.Response.WriteAsync("<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>");
        });
    }

    // ---------- plumbing ----------

    /// <summary>
    /// With a <see cref="FakeState.Service"/> model (benchmarks), a request takes a PHP worker, is answered, and its answer
    /// is held back until the server CPU it would cost a real Mautic has been served; without one it passes straight on.
    /// </summary>
    static async Task Serve(HttpContext ctx, RequestDelegate next, FakeState s)
    {
        var (model, workers, cpu) = s.ServiceParts;
        var path = ctx.Request.Path.Value ?? "/";
        if (model == null || path.StartsWith("/__fake", StringComparison.Ordinal)) { await next(ctx); return; }
        await workers!.WaitAsync(ctx.RequestAborted);
        try
        {
            var real = ctx.Response.Body;
            using var buffer = new MemoryStream();
            ctx.Response.Body = buffer;
            try { await next(ctx); }
            finally { ctx.Response.Body = real; }
            var basic = ctx.Request.Headers.Authorization.FirstOrDefault()?.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) == true;
            var records = path.StartsWith("/oauth/", StringComparison.Ordinal) ? 0
                : ctx.Items.TryGetValue(ServiceModel.RecordsItem, out var n) && n is int k ? k : 1;
            await cpu!.Serve(model.Cost(ctx.Request.Method, basic, records));
            buffer.Position = 0;
            await buffer.CopyToAsync(real, ctx.RequestAborted);
        }
        finally { workers.Release(); }
    }

    static Task Locked(FakeState s, Func<Task> f) { lock (s.Sync) return f(); }

    static long Id(HttpContext ctx, string name = "id") => long.Parse((string)ctx.Request.RouteValues[name]!, CultureInfo.InvariantCulture);

    public static string Date(DateTime d) => d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    static async Task Json(HttpContext ctx, int status, JsonNode? node, string? version = "")
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        if (version == null) ctx.Response.Headers.Remove("Mautic-Version");
        await ctx.Response.WriteAsync(node?.ToJsonString() ?? "null");
    }

    static Task Error(HttpContext ctx, int status, string message, string? type = null, string? version = "", JsonObject? details = null)
    {
        var e = new JsonObject { ["message"] = message, ["code"] = status, ["type"] = type };
        if (details != null) e["details"] = details;
        return Json(ctx, status, new JsonObject { ["errors"] = new JsonArray(e) }, version);
    }

    /// <summary>
    /// An error from an API controller (not found, validation): Mautic 5.1 answers {code, message, details}, details
    /// [] when there are none, and no type. Errors from the auth layer and exception handler come from
    /// <see cref="Error"/>: {message, code, type}.
    /// </summary>
    static Task ApiError(HttpContext ctx, int status, string message, JsonObject? details = null) =>
        Json(ctx, status, ApiErrorJson(status, message, details));

    /// <summary>What Mautic's exception handler answers for an unreadable request (bad JSON, wrong body type).</summary>
    static Task Oops(HttpContext ctx, int status) =>
        Error(ctx, status, $"Looks like I encountered an error (error #{status}). If I do it again, please report me to the system administrator!");

    static Task NotFound(HttpContext ctx) => ApiError(ctx, 404, "Item was not found.");

    /// <summary>PHP's json_encode of an array: a JSON array when the keys are exactly 0..n-1 in order, otherwise an object.</summary>
    public static JsonNode PhpMap(IReadOnlyList<(string Key, JsonNode? Value)> entries)
    {
        var sequential = entries.Select((e, i) => e.Key == i.ToString(CultureInfo.InvariantCulture)).All(b => b);
        if (sequential) return new JsonArray(entries.Select(e => e.Value?.DeepClone()).ToArray());
        var o = new JsonObject();
        foreach (var (k, v) in entries) o[k] = v?.DeepClone();
        return o;
    }

    static async Task<bool> ApplyFault(HttpContext ctx, Fault f)
    {
        if (f.DelayMs > 0) await Task.Delay(f.DelayMs, ctx.RequestAborted);
        switch (f.Kind)
        {
            case FaultKind.Delay:
                return false;
            case FaultKind.Drop:
                ctx.Abort();
                return true;
            case FaultKind.Truncate:
                ctx.Response.StatusCode = 200;
                ctx.Response.ContentType = "application/json";
                ctx.Response.ContentLength = 4000;
                await ctx.Response.WriteAsync("{\"total\":\"3\",\"contacts\":{\"1\":{\"id\":1,\"fields\":{\"all\":{\"email\":\"tr");
                await ctx.Response.Body.FlushAsync();
                ctx.Abort();
                return true;
            case FaultKind.Html:
                ctx.Response.StatusCode = f.Status == 0 ? 500 : f.Status;
                ctx.Response.ContentType = "text/html; charset=UTF-8";
                await ctx.Response.WriteAsync("<html><head><title>Error</title></head><body><b>Fatal error</b>: Allowed memory size of 134217728 bytes exhausted in /var/www/html/vendor/doctrine/orm/lib/Doctrine/ORM/UnitOfWork.php on line 3011</body></html>");
                return true;
            case FaultKind.Offline:
                // What Mautic 5.1.0 and 7.0.0 answer every request, the token endpoint and HTTP Basic included, while they
                // cannot reach their database (measured with MariaDB stopped): HTTP 500, as JSON errors when the request
                // accepts JSON, else the "Site is offline" page.
                ctx.Response.StatusCode = 500;
                if (ctx.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
                {
                    ctx.Response.ContentType = "application/json";
                    await ctx.Response.WriteAsync("""{"errors":[{"message":"The site is currently offline due to encountering an error. If the problem persists, please contact the system administrator. System administrators, check server logs for errors.","code":500,"type":null}]}""");
                    return true;
                }
                ctx.Response.ContentType = "text/html; charset=UTF-8";
                await ctx.Response.WriteAsync(OfflinePage);
                return true;
            case FaultKind.ErrorIn200:
                ctx.Response.StatusCode = 200;
                ctx.Response.ContentType = "application/json";
                // The body is a JSON-encoded string that holds JSON, as Mautic sends it.
                await ctx.Response.WriteAsync(JsonSerializer.Serialize("{\"error\":{\"message\":\"SMS transport is disabled.\",\"code\":417}}"));
                return true;
            case FaultKind.InvalidJson:
                ctx.Response.StatusCode = 200;
                ctx.Response.ContentType = "application/json";
                await ctx.Response.WriteAsync("{\"total\":\"1\",\"contacts\":{\"1\":{\"id\":1,");
                return true;
            default:
                if (f.RetryAfter != null) ctx.Response.Headers.RetryAfter = f.RetryAfter;
                var message = f.Status switch
                {
                    429 => "API rate limit exceeded.",
                    503 => "Service Unavailable",
                    _ => "Injected failure " + f.Status,
                };
                await Error(ctx, f.Status, message);
                return true;
        }
    }

    static async Task<bool> Authenticate(HttpContext ctx, FakeState s)
    {
        var header = ctx.Request.Headers.Authorization.FirstOrDefault() ?? "";
        string? token = null;
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            if (!s.BasicAuthEnabled)
            {
                // measured on 5.1.0 (api_enable_basic_auth 0, cache cleared): 403 for right and wrong passwords alike
                await Error(ctx, 403, "Basic Auth disabled. You need to enable HTTP basic auth in the API settings of Mautic's Configuration.", "access_denied", version: null);
                return false;
            }
            string decoded;
            try { decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Substring(6).Trim())); }
            catch (FormatException) { decoded = ""; }
            var i = decoded.IndexOf(':');
            if (i < 0 || decoded[..i] != s.AdminUser || decoded[(i + 1)..] != s.AdminPassword)
            {
                await Error(ctx, 401, "Authorization denied, invalid credentials.", "access_denied", version: null);
                return false;
            }
            ctx.Items[typeof(Principal)] = Principal.Admin;
            return true;
        }
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) token = header.Substring(7).Trim();
        else if (ctx.Request.Query.TryGetValue("access_token", out var q)) token = q.ToString();
        if (token == null)
        {
            await Error(ctx, 401, "API authorization denied.", "access_denied", version: null);
            return false;
        }
        DateTime expires;
        lock (s.Sync)
        {
            if (!s.AccessTokens.TryGetValue(token, out expires)) expires = DateTime.MinValue;
        }
        if (expires == DateTime.MinValue)
        {
            await Error(ctx, 401, "The access token provided is invalid.", "invalid_grant", version: null);
            return false;
        }
        if (expires <= DateTime.UtcNow)
        {
            await Error(ctx, 401, "The access token provided has expired.", "invalid_grant", version: null);
            return false;
        }
        bool client;
        lock (s.Sync) client = s.ClientTokens.Contains(token);
        ctx.Items[typeof(Principal)] = client ? s.ClientPrincipal : Principal.Admin;
        return true;
    }

    static async Task Token(HttpContext ctx, FakeState s)
    {
        // measured on 5.1.0 (api_enabled 0, cache cleared): the token endpoint is refused like the API itself
        if (!s.ApiEnabled) { await Error(ctx, 403, "API disabled. You need to enable the API in the API settings of Mautic's Configuration.", "api_disabled", version: null); return; }
        if (!ctx.Request.HasFormContentType) { await Error(ctx, 400, "Invalid grant_type parameter or parameter missing", "invalid_request", version: null); return; }
        var form = await ctx.Request.ReadFormAsync();
        if (form["client_id"] != s.ClientId || form["client_secret"] != s.ClientSecret)
        {
            await Error(ctx, 400, "The client credentials are invalid", "invalid_client", version: null);
            return;
        }
        string? newRefresh = null;
        lock (s.Sync)
        {
            switch (form["grant_type"].ToString())
            {
                case "client_credentials":
                    break;
                case "refresh_token":
                    var rt = form["refresh_token"].ToString();
                    if (!s.RefreshTokens.TryGetValue(rt, out var used) || used)
                    {
                        newRefresh = "!";
                        break;
                    }
                    s.RefreshTokens[rt] = true;
                    newRefresh = "rt_" + Guid.NewGuid().ToString("N");
                    s.RefreshTokens[newRefresh] = false;
                    break;
                default:
                    newRefresh = "?";
                    break;
            }
        }
        if (newRefresh == "!") { await Error(ctx, 400, "Invalid refresh token", "invalid_grant", version: null); return; }
        if (newRefresh == "?") { await Error(ctx, 400, "Invalid grant_type parameter or parameter missing", "unsupported_grant_type", version: null); return; }
        var access = "at_" + Guid.NewGuid().ToString("N");
        lock (s.Sync)
        {
            s.AccessTokens[access] = DateTime.UtcNow + s.AccessTokenLifetime;
            if (form["grant_type"] == "client_credentials") s.ClientTokens.Add(access);
            s.TokenGrants++;
        }
        var answer = new JsonObject
        {
            ["access_token"] = access, ["expires_in"] = (int)Math.Ceiling(s.AccessTokenLifetime.TotalSeconds),
            ["token_type"] = "bearer", ["scope"] = null,
        };
        if (newRefresh != null) answer["refresh_token"] = newRefresh;
        await Json(ctx, 200, answer, version: null);
    }

    /// <summary>Who the request acts as (set by <see cref="Authenticate"/>).</summary>
    static Principal Who(HttpContext ctx) => ctx.Items.TryGetValue(typeof(Principal), out var p) && p is Principal who ? who : Principal.Admin;

    static async Task<JsonNode?> ReadJson(HttpContext ctx)
    {
        if (ctx.Request.ContentLength == 0) return null;
        try { return await JsonNode.ParseAsync(ctx.Request.Body); }
        catch (JsonException) { return null; }
    }

    // ---------- contacts ----------

    static JsonObject RenderContact(Contact c, FakeState s)
    {
        var groups = new Dictionary<string, List<(string, JsonNode?)>> { ["core"] = new(), ["social"] = new(), ["personal"] = new(), ["professional"] = new() };
        var all = new JsonObject { ["id"] = c.Id.ToString(CultureInfo.InvariantCulture) }; // a string in fields.all
        foreach (var f in FakeState.FieldDefs)
        {
            c.Fields.TryGetValue(f.Alias, out var v);
            groups[f.Group].Add((f.Alias, new JsonObject
            {
                ["id"] = f.Id.ToString(CultureInfo.InvariantCulture), ["label"] = f.Label, ["alias"] = f.Alias,
                ["type"] = f.Type, ["group"] = f.Group, ["value"] = v,
            }));
            all[f.Alias] = v; // custom number fields are strings here, as in Mautic
        }
        var fields = new JsonObject();
        foreach (var (g, entries) in groups) fields[g] = entries.Count == 0 ? new JsonArray() : PhpMap(entries);
        fields["all"] = all;
        return new JsonObject
        {
            ["id"] = c.Id,
            ["isPublished"] = true,
            ["dateAdded"] = Date(c.DateAdded),
            ["dateModified"] = c.DateModified.HasValue ? Date(c.DateModified.Value) : null,
            ["createdBy"] = c.CreatedBy, ["createdByUser"] = c.CreatedByUser,
            ["modifiedBy"] = c.ModifiedBy, ["modifiedByUser"] = c.ModifiedByUser,
            ["owner"] = c.Owner == 1 ? new JsonObject { ["id"] = 1, ["username"] = s.AdminUser, ["firstName"] = "Admin", ["lastName"] = "User" } : null,
            ["points"] = c.Points,
            ["lastActive"] = null,
            ["dateIdentified"] = Date(c.DateAdded),
            ["color"] = null,
            ["ipAddresses"] = new JsonArray(),
            ["fields"] = fields,
            // ids from the tag table; Mautic lists a contact's tags by name
            ["tags"] = new JsonArray(c.Tags.OrderBy(t => t, StringComparer.OrdinalIgnoreCase)
                .Select(t => (JsonNode)new JsonObject { ["id"] = s.TagId(t), ["tag"] = t, ["description"] = null }).ToArray()),
            ["utmtags"] = new JsonArray(c.Utm.Select(u => (JsonNode)RenderUtm(u, dropNulls: false)).ToArray()),
            ["stage"] = ContactStage(c, s),
            ["preferredProfileImage"] = null,
            ["doNotContact"] = new JsonArray(c.Dnc.Select(d => (JsonNode)new JsonObject
                { ["id"] = d.Id, ["reason"] = d.Reason, ["comments"] = d.Comments, ["channel"] = d.Channel, ["channelId"] = d.ChannelId }).ToArray()),
            ["frequencyRules"] = new JsonArray(),
        };
    }

    static readonly HashSet<string> IgnoredContactKeys = ["id", "overwriteWithBlank", "ipAddress", "lastActive", "stage", "doNotContact", "companies", "frequencyRules"];

    /// <summary>Applies a contact payload; returns the validation details (field => messages) or null.</summary>
    static JsonObject? Apply(Contact c, JsonObject payload, bool replace, FakeState s, Principal who)
    {
        var details = new JsonObject();
        var overwrite = payload["overwriteWithBlank"] is JsonValue ov && ov.ToString() is "true" or "1";
        var values = new Dictionary<string, string?>();
        List<string>? tagOps = null;
        long? owner = null;
        int? points = null;
        foreach (var (key, node) in payload)
        {
            if (IgnoredContactKeys.Contains(key)) continue;
            if (key == "tags")
            {
                tagOps = node is JsonArray ta ? ta.Select(t => t?.ToString() ?? "").ToList()
                    : (node?.ToString() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                continue;
            }
            if (key == "owner")
            {
                if (node == null) continue;
                if (!long.TryParse(node.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var o) || o != 1)
                    details["owner"] = new JsonArray("This value is not valid.");
                else owner = o;
                continue;
            }
            if (key == "points")
            {
                if (int.TryParse(node?.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p)) points = p;
                else details["points"] = new JsonArray(s.IsV7 ? "Please enter a number." : "This value is not valid."); // both measured
                continue;
            }
            var def = FakeState.FieldDefs.FirstOrDefault(f => f.Alias == key);
            if (def == null) continue; // Mautic ignores fields it does not know
            string? v = node switch
            {
                null => null,
                JsonValue jv when jv.TryGetValue<bool>(out var b) => b ? "1" : "0",
                JsonValue jv => jv.ToString(),
                _ => node.ToJsonString(),
            };
            if (string.IsNullOrEmpty(v) && !overwrite && !replace) continue;
            if (v == "" && overwrite) v = null;   // measured on 5.1.0: a blank with overwriteWithBlank reads back as null
            if (def.Type == "email" && v != null) v = SanitizeEmail(v);
            if (def.Type == "email" && !string.IsNullOrEmpty(v) && !EmailRule.IsMatch(v))
                details[key] = new JsonArray($"{v} is invalid.");
            if (def.Type == "number" && !string.IsNullOrEmpty(v) && !double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                details[key] = new JsonArray("This value should be a number.");
            // Text-like fields are VARCHAR(191) columns (measured on 5.1.0: 300 characters of firstname are refused so).
            if (def.Type is "text" or "email" or "tel" or "url" or "lookup" && v != null && v.Length > 191 && !details.ContainsKey(key))
                details[key] = new JsonArray("This value is too long. It should have 191 characters or less.");
            values[key] = v;
        }
        if (details.Count > 0) return details;
        if (replace)
        {
            c.Fields.Clear();
            c.Points = 0; // a PUT resets points too (measured on 5.1.0); tags, owner and stage stay
        }
        foreach (var (k, v) in values) c.Fields[k] = v;
        // A company name makes Mautic find or create that company and link the contact to it.
        if (values.TryGetValue("company", out var company) && !string.IsNullOrWhiteSpace(company)) ContactCompanySent(s, c, company, who);
        if (owner.HasValue) c.Owner = owner;
        if (points.HasValue) c.Points = points.Value;
        if (tagOps != null)
        {
            if (replace) c.Tags.Clear();
            foreach (var t in tagOps)
            {
                if (t.StartsWith('-')) c.Tags.Remove(t[1..]);
                else if (t.Length > 0 && !c.Tags.Contains(t)) { c.Tags.Add(t); s.TagId(t); }
            }
        }
        return null;
    }

    static string Flat(JsonObject details) =>
        string.Join("; ", details.Select(kv => kv.Key + ": " + string.Join(" ", kv.Value!.AsArray().Select(x => x!.ToString()))));

    /// <summary>New contact, or the existing one with the same email (Mautic merges on unique identifiers).</summary>
    static (Contact contact, int status, JsonObject? details) CreateOrMerge(JsonObject payload, FakeState s, Principal who)
    {
        var email = payload["email"]?.ToString() is string raw ? SanitizeEmail(raw) : null;
        var existing = string.IsNullOrEmpty(email) ? null : s.ContactByEmail(email);
        var target = existing ?? new Contact { Id = 0, DateAdded = DateTime.UtcNow };
        var details = Apply(target, payload, replace: false, s, who);
        if (details != null) return (target, 400, details);
        if (existing != null) { ContactModified(existing, who, s); s.IndexEmail(existing); return (existing, 200, null); }
        target.Created(who);
        // 7.0.0 saves a new contact with date_modified = date_added and no API edit moves it (a PATCH, a batch PATCH,
        // under Basic or a token: measured); 5.1.0 leaves it NULL until the first edit, which sets it. See Modified.
        if (s.IsV7) target.DateModified = target.DateAdded;
        target.Id = s.NextContactId++;
        s.Contacts[target.Id] = target;
        s.IndexEmail(target);
        return (target, 201, null);
    }

    static async Task CreateContact(HttpContext ctx, FakeState s)
    {
        if (await ReadJson(ctx) is not JsonObject payload) { await Oops(ctx, 400); return; }
        lock (s.Sync)
        {
            var (c, status, details) = CreateOrMerge(payload, s, Who(ctx));
            if (details != null) { ApiError(ctx, 400, Flat(details), details).Wait(); return; }
            if (status == 201) ctx.Response.Headers.Location = "/api/contacts/" + c.Id;
            Json(ctx, status, new JsonObject { ["contact"] = RenderContact(c, s) }).Wait();
        }
    }

    static async Task EditContact(HttpContext ctx, FakeState s)
    {
        if (await ReadJson(ctx) is not JsonObject payload) { await Oops(ctx, 400); return; }
        var put = ctx.Request.Method == "PUT";
        lock (s.Sync)
        {
            var id = Id(ctx);
            var created = false;
            if (!s.Contacts.TryGetValue(id, out var c))
            {
                if (!put) { NotFound(ctx).Wait(); return; }
                c = new Contact { Id = s.NextContactId++, DateAdded = DateTime.UtcNow };
                created = true;
            }
            var details = Apply(c, payload, replace: put && !created, s, Who(ctx));
            if (details != null) { ApiError(ctx, 400, Flat(details), details).Wait(); return; }
            if (created) { c.Created(Who(ctx)); if (s.IsV7) c.DateModified = c.DateAdded; s.Contacts[c.Id] = c; } else ContactModified(c, Who(ctx), s);
            s.IndexEmail(c);
            Json(ctx, created ? 201 : 200, new JsonObject { ["contact"] = RenderContact(c, s) }).Wait();
        }
    }

    static async Task BatchContacts(HttpContext ctx, FakeState s, bool edit)
    {
        if (await ReadJson(ctx) is not JsonArray items) { await Oops(ctx, 500); return; }
        if (items.Count > s.BatchLimit) { await ApiError(ctx, 500, $"A max of {s.BatchLimit} entities are supported at a time."); return; }
        ctx.Items[ServiceModel.RecordsItem] = items.Count;
        var who = Who(ctx);
        var put = ctx.Request.Method == "PUT";
        var records = new List<(string, JsonNode?)>();
        var codes = new List<(string, JsonNode?)>();
        var errors = new List<(string, JsonNode?)>();
        lock (s.Sync)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var key = i.ToString(CultureInfo.InvariantCulture);
                if (items[i] is not JsonObject payload)
                {
                    codes.Add((key, 400));
                    errors.Add((key, ItemError("Item is not an object.", 400)));
                    continue;
                }
                int status;
                Contact c;
                JsonObject? details;
                if (edit)
                {
                    var hasId = long.TryParse(payload["id"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id);
                    if (!hasId || !s.Contacts.TryGetValue(id, out c!))
                    {
                        if (!put)
                        {
                            codes.Add((key, 404));
                            errors.Add((key, ItemError("Item was not found.", 404)));
                            continue;
                        }
                        c = new Contact { Id = s.NextContactId++, DateAdded = DateTime.UtcNow };
                        details = Apply(c, payload, false, s, who);
                        if (details == null) { c.Created(who); s.Contacts[c.Id] = c; }
                        status = 201;
                    }
                    else
                    {
                        details = Apply(c, payload, put, s, who);
                        if (details == null) ContactModified(c, who, s);
                        status = 200;
                    }
                    s.IndexEmail(c);
                }
                else (c, status, details) = CreateOrMerge(payload, s, who);

                if (details != null)
                {
                    codes.Add((key, 400));
                    // A refused item carries its field messages, and type null (not "api" as a missing one does).
                    errors.Add((key, new JsonObject { ["code"] = 400, ["message"] = Flat(details), ["details"] = details, ["type"] = null }));
                    continue;
                }
                codes.Add((key, status));
                records.Add((key, RenderContact(c, s)));
            }
        }
        var answer = new JsonObject { ["contacts"] = PhpMap(records), ["statusCodes"] = PhpMap(codes) };
        if (errors.Count > 0) answer["errors"] = PhpMap(errors);
        await Json(ctx, edit ? 200 : 201, answer);
    }

    /// <summary>An edit's stamp: modifiedBy always; dateModified on 5.1.0 only (7.0.0 keeps the creation time: measured).</summary>
    static void ContactModified(Contact c, Principal who, FakeState s)
    {
        var kept = c.DateModified;
        c.Modified(who);
        if (s.IsV7) c.DateModified = kept;
    }

    static JsonObject ItemError(string message, int code) => new() { ["message"] = message, ["code"] = code, ["type"] = "api" };

    static async Task BatchDeleteContacts(HttpContext ctx, FakeState s)
    {
        var deleted = new JsonArray(); // no ids at all: 200 with nothing deleted, as Mautic answers
        lock (s.Sync)
        {
            var ids = QueryIds(ctx);
            ctx.Items[ServiceModel.RecordsItem] = ids.Count;
            // Unknown ids are skipped without a word, on 7.0.0 as on 5.1.0 (measured: unlike segments, a contacts batch
            // delete naming an id 7.0.0 lacks answers 200 and deletes the others).
            foreach (var id in ids)
            {
                if (!s.Contacts.TryGetValue(id, out var c)) continue;
                deleted.Add(RenderContact(c, s));
                s.Contacts.Remove(id);
                foreach (var seg in s.Segments.Values) seg.Members.Remove(id);
                ContactNotesGone(s, id);
                ContactDevicesGone(s, id);
            }
        }
        await Json(ctx, 200, new JsonObject { ["contacts"] = deleted });
    }

    /// <summary>One where clause; an orX/andX clause has no column and its clauses in <see cref="Nested"/>.</summary>
    sealed record Where(string Col, string Expr, string? Val, List<Where>? Nested = null)
    {
        /// <summary>The columns the clause reads (an orX's are its clauses').</summary>
        public IEnumerable<string> Cols => Nested == null ? [Col] : Nested.SelectMany(n => n.Cols);
    }

    static List<Where> ParseWhere(HttpContext ctx)
    {
        // where[n][col|expr|val], and an orX/andX clause's where[n][val][m][col|expr|val] (measured on 5.1.0 and 7.0.0)
        var rx = new Regex(@"^where\[(\d+)\](?:\[val\]\[(\d+)\])?\[(col|expr|val)\]$");
        var parts = new SortedDictionary<int, (Dictionary<string, string> own, SortedDictionary<int, Dictionary<string, string>> nested)>();
        foreach (var (k, v) in ctx.Request.Query)
        {
            var m = rx.Match(k);
            if (!m.Success) continue;
            var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            if (!parts.TryGetValue(n, out var p)) parts[n] = p = (new Dictionary<string, string>(), new SortedDictionary<int, Dictionary<string, string>>());
            if (!m.Groups[2].Success) { p.own[m.Groups[3].Value] = v.ToString(); continue; }
            var i = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            if (!p.nested.TryGetValue(i, out var d)) p.nested[i] = d = new Dictionary<string, string>();
            d[m.Groups[3].Value] = v.ToString();
        }
        static Where One(Dictionary<string, string> d) => new(d.GetValueOrDefault("col", ""), d.GetValueOrDefault("expr", "eq"), d.GetValueOrDefault("val"));
        // Mautic drops a clause whose expression it does not know (where[0][expr]=equals filters nothing).
        return parts.Values.Select(p => p.nested.Count > 0 && One(p.own).Expr is "orX" or "andX"
                ? new Where("", One(p.own).Expr, null, p.nested.Values.Select(One).Where(w => KnownExprs.Contains(w.Expr)).ToList())
                : One(p.own))
            .Where(w => KnownExprs.Contains(w.Expr)).ToList();
    }

    /// <summary>Whether a record passes a clause, reading its columns through <paramref name="column"/> (orX: any nested clause; andX: all).</summary>
    static bool Matches(Where w, Func<string, string?> column) => w.Nested == null ? Compare(column(w.Col), w.Expr, w.Val)
        : w.Expr == "orX" ? w.Nested.Any(n => Matches(n, column)) : w.Nested.All(n => Matches(n, column));

    static readonly HashSet<string> KnownExprs = ["eq", "neq", "gt", "gte", "lt", "lte", "like", "notLike", "in", "notIn", "isNull", "isNotNull", "isEmpty", "isNotEmpty",
        "between", "notBetween", "andX", "orX"]; // the last four Mautic knows but the fake does not emulate: Compare throws, a 500

    static bool Compare(string? actual, string expr, string? val)
    {
        int Cmp()
        {
            if (double.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && double.TryParse(val, NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
                return a.CompareTo(b);
            return Collation.Compare(actual ?? "", val ?? "");
        }
        bool Like() => MauticSearch.Like(actual ?? "", val ?? "") == true;
        return expr switch
        {
            "eq" => actual != null && Cmp() == 0,
            "neq" => actual == null || Cmp() != 0,
            "gt" => actual != null && Cmp() > 0,
            "gte" => actual != null && Cmp() >= 0,
            "lt" => actual != null && Cmp() < 0,
            "lte" => actual != null && Cmp() <= 0,
            "like" => Like(),
            "notLike" => !Like(),
            "in" => (val ?? "").Split(',').Any(x => Collation.Equals(x.Trim(), actual ?? "")),
            "notIn" => !(val ?? "").Split(',').Any(x => Collation.Equals(x.Trim(), actual ?? "")),
            "isNull" => actual == null,
            "isNotNull" => actual != null,
            "isEmpty" => string.IsNullOrEmpty(actual),
            "isNotEmpty" => !string.IsNullOrEmpty(actual),
            _ => throw new ArgumentException("Unknown expression " + expr),
        };
    }

    static string? ContactColumn(Contact c, string col) => col switch
    {
        "id" or "l.id" => c.Id.ToString(CultureInfo.InvariantCulture),
        "points" => c.Points.ToString(CultureInfo.InvariantCulture),
        "date_added" or "dateAdded" => c.DateAdded.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        "date_modified" or "dateModified" => c.DateModified?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        "stage_id" => c.Stage?.ToString(CultureInfo.InvariantCulture),
        _ => c.Fields.GetValueOrDefault(col),
    };

    static bool KnownContactColumn(string col) => col is "id" or "l.id" or "points" or "date_added" or "dateAdded" or "date_modified" or "dateModified" or "stage_id" || FakeState.FieldDefs.Any(f => f.Alias == col);

    static (int start, int? limit, string orderBy, bool desc) Paging(HttpContext ctx, string defaultOrder)
    {
        var q = ctx.Request.Query;
        int.TryParse(q["start"], NumberStyles.None, CultureInfo.InvariantCulture, out var start);
        int? limit = int.TryParse(q["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 30;
        if (limit == 0) limit = null; // limit=0: every row
        var orderBy = q["orderBy"].FirstOrDefault() ?? defaultOrder;
        var desc = string.Equals(q["orderByDir"].FirstOrDefault(), "DESC", StringComparison.OrdinalIgnoreCase);
        return (start, limit, orderBy, desc);
    }

    /// <summary>What minimal=1 leaves out of each listed contact (measured on 7.0.0; the fields stay).</summary>
    static readonly string[] MinimalContactDrops = ["dateIdentified", "doNotContact", "frequencyRules", "ipAddresses", "lastActive", "owner", "preferredProfileImage", "stage", "tags", "utmtags"];

    /// <summary>
    /// A where clause on the contact id with a whole-number value (what keyset paging sends: id gt the last id) as a
    /// comparison of numbers, the same answer <see cref="Compare"/> gives without formatting and parsing every id.
    /// </summary>
    static Func<Contact, bool>? IdBound(Where w)
    {
        if (w.Col is not ("id" or "l.id") || !long.TryParse(w.Val, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)) return null;
        return w.Expr switch
        {
            "eq" => c => c.Id == v, "neq" => c => c.Id != v,
            "gt" => c => c.Id > v, "gte" => c => c.Id >= v,
            "lt" => c => c.Id < v, "lte" => c => c.Id <= v,
            _ => null,
        };
    }

    static async Task ListContacts(HttpContext ctx, FakeState s)
    {
        var where = ParseWhere(ctx);
        var bad = where.FirstOrDefault(w => !w.Cols.All(KnownContactColumn));
        if (bad != null) { await Oops(ctx, 500); return; }
        var (start, limit, orderBy, desc) = Paging(ctx, "id");
        var search = ctx.Request.Query["search"].FirstOrDefault();
        JsonObject answer;
        lock (s.Sync)
        {
            IEnumerable<Contact> rows = s.Contacts.Values;
            // where email in/eq (a sync's lookups): the contacts from the e-mail index, in id order, not a scan of all of them
            // (the same rows: the clause is still applied below).
            if (where.FirstOrDefault(w => w.Col == "email" && w.Expr is "in" or "eq" && w.Nested == null) is { } byEmail)
                rows = (byEmail.Expr == "in" ? (byEmail.Val ?? "").Split(',').Select(v => v.Trim()) : [byEmail.Val ?? ""])
                    .SelectMany(s.ContactsByEmail).DistinctBy(c => c.Id).OrderBy(c => c.Id).ToList();
            if (!string.IsNullOrEmpty(search)) rows = rows.Where(c => MauticSearch.MatchContact(c, search, s));
            foreach (var w in where) rows = rows.Where(IdBound(w) ?? (c => Matches(w, col => ContactColumn(c, col))));
            var list = rows.ToList();
            Func<Contact, string?> key = c => ContactColumn(c, orderBy);
            // Contacts are kept in id order, so ordering by id is that order (or its reverse), not a sort per page.
            if (orderBy is "id") { if (desc) list.Reverse(); }
            else list = (orderBy is "points"
                ? (desc ? list.OrderByDescending(c => c.Points) : list.OrderBy(c => c.Points))
                : (desc ? list.OrderByDescending(key, Collation) : list.OrderBy(key, Collation)).ThenBy(c => c.Id)).ToList();
            var page = list.GetRange(Math.Min(start, list.Count), Math.Min(limit ?? int.MaxValue, list.Count - Math.Min(start, list.Count)));
            var contacts = new JsonObject(); // keyed by id; empty is {} for contacts
            var minimal = ctx.Request.Query["minimal"].ToString() is "1" or "true";
            foreach (var c in page)
            {
                var rendered = RenderContact(c, s);
                if (minimal) foreach (var k in MinimalContactDrops) rendered.Remove(k);
                contacts[c.Id.ToString(CultureInfo.InvariantCulture)] = rendered;
            }
            answer = new JsonObject { ["total"] = list.Count.ToString(CultureInfo.InvariantCulture), ["contacts"] = contacts };
            ctx.Items[ServiceModel.RecordsItem] = page.Count;
        }
        await Json(ctx, 200, answer);
    }

    // ---------- segments ----------

    static JsonObject RenderSegment(Segment g, FakeState s)
    {
        var o = RenderSegmentFields(g);
        AddProjects(s, "segments", o, g.Projects);
        return o;
    }

    static JsonObject RenderSegmentFields(Segment g) => new()
    {
        ["isPublished"] = g.IsPublished, ["dateAdded"] = Date(g.DateAdded), ["dateModified"] = g.DateModified.HasValue ? Date(g.DateModified.Value) : null,
        ["createdBy"] = g.CreatedBy, ["createdByUser"] = g.CreatedByUser, ["modifiedBy"] = g.ModifiedBy, ["modifiedByUser"] = g.ModifiedByUser,
        ["id"] = g.Id, ["name"] = g.Name, ["publicName"] = g.PublicName ?? g.Name, ["alias"] = g.Alias, ["description"] = g.Description, ["category"] = null,
        ["filters"] = new JsonArray(), ["isGlobal"] = g.IsGlobal, ["isPreferenceCenter"] = g.IsPreferenceCenter,
    };

    /// <summary>Mautic's alias: the name lower-cased, runs of other characters as one '-', made unique with a number.</summary>
    static string Alias(string name, IEnumerable<string> taken)
    {
        var a = Regex.Replace(name.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        var used = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unique = a;
        for (var n = 1; used.Contains(unique); n++) unique = a + n.ToString(CultureInfo.InvariantCulture);
        return unique;
    }

    static bool Truthy(JsonNode? n) => n?.ToString().ToLowerInvariant() is "true" or "1";

    /// <summary>A create body with a name, as segments/new and emails/new need; otherwise Mautic's answer is written and null returned.</summary>
    static async Task<(JsonObject, string)?> NamedBody(HttpContext ctx)
    {
        if (await ReadJson(ctx) is not JsonObject body) { await Oops(ctx, 400); return null; }
        var name = body["name"]?.ToString();
        if (!string.IsNullOrWhiteSpace(name)) return (body, name);
        await ApiError(ctx, 400, "name: A name is required.", new JsonObject { ["name"] = new JsonArray("A name is required.") });
        return null;
    }

    static async Task CreateSegment(HttpContext ctx, FakeState s)
    {
        if (await NamedBody(ctx) is not (JsonObject body, _)) return;
        lock (s.Sync)
        {
            var g = new Segment();
            ApplySegment(s, g, isNew: true, body, replace: false, Who(ctx));
            ctx.Response.Headers.Location = "/api/segments/" + g.Id;
            Json(ctx, 201, new JsonObject { ["list"] = RenderSegment(g, s) }).Wait();
        }
    }

    static string? SegmentColumn(Segment g, string col) => col switch
    {
        "id" => g.Id.ToString(CultureInfo.InvariantCulture),
        "name" => g.Name,
        "alias" => g.Alias,
        "isPublished" or "is_published" => g.IsPublished ? "1" : "0",
        _ => null,
    };

    static async Task ListSegments(HttpContext ctx, FakeState s)
    {
        var where = ParseWhere(ctx);
        var bad = where.FirstOrDefault(w => w.Col is not ("id" or "name" or "alias" or "isPublished" or "is_published"));
        if (bad != null) { await Oops(ctx, 500); return; }
        var (start, limit, orderBy, desc) = Paging(ctx, "id");
        var search = ctx.Request.Query["search"].FirstOrDefault();
        JsonObject answer;
        lock (s.Sync)
        {
            IEnumerable<Segment> rows = s.Segments.Values;
            if (!string.IsNullOrEmpty(search)) rows = rows.Where(g => MauticSearch.MatchSegment(g, search));
            foreach (var w in where) rows = rows.Where(g => Compare(SegmentColumn(g, w.Col), w.Expr, w.Val));
            var list = orderBy == "id" ? rows.OrderBy(g => g.Id).ToList() : rows.OrderBy(g => SegmentColumn(g, orderBy), Collation).ThenBy(g => g.Id).ToList();
            if (desc) list.Reverse();
            var page = list.Skip(start).Take(limit ?? int.MaxValue).ToList();
            // keyed by id; an empty paginated list is []
            JsonNode lists = page.Count == 0 ? new JsonArray() : PhpMap(page.Select(g => (g.Id.ToString(CultureInfo.InvariantCulture), (JsonNode?)RenderSegment(g, s))).ToList());
            answer = new JsonObject { ["total"] = list.Count, ["lists"] = lists };
        }
        await Json(ctx, 200, answer);
    }

    static Task SegmentMember(HttpContext ctx, FakeState s, bool add) => Locked(s, () =>
    {
        if (!s.Segments.TryGetValue(Id(ctx), out var g)) return NotFound(ctx);
        var cid = Id(ctx, "cid");
        if (!s.Contacts.ContainsKey(cid)) return ApiError(ctx, 404, "Contact not found.");
        if (add) g.Members.Add(cid); else g.Members.Remove(cid);
        return Json(ctx, 200, new JsonObject { ["success"] = 1 });
    });

    static async Task SegmentAddMany(HttpContext ctx, FakeState s)
    {
        var body = await ReadJson(ctx) as JsonObject;
        if (body?["ids"] is not JsonArray ids) { await Error(ctx, 400, "ids parameter is required"); return; }
        lock (s.Sync)
        {
            if (!s.Segments.TryGetValue(Id(ctx), out var g)) { NotFound(ctx).Wait(); return; }
            var details = new List<(string, JsonNode?)>();
            foreach (var node in ids)
            {
                var ok = long.TryParse(node?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var cid) && s.Contacts.ContainsKey(cid);
                if (ok) g.Members.Add(cid);
                details.Add((node?.ToString() ?? "", new JsonObject { ["success"] = ok }));
            }
            Json(ctx, 200, new JsonObject { ["success"] = 1, ["details"] = PhpMap(details) }).Wait();
        }
    }
}
