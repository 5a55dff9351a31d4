using System.Collections.Concurrent;

namespace Mautic.FakeServer;

/// <summary>
/// Drop: the connection is cut before the request is handled (Mautic never saw it). DropAfter: the request is handled
/// (saved), then the connection is cut before any answer, as when Mautic or the network dies while the answer is on its way.
/// </summary>
public enum FaultKind { Status, Delay, Drop, Truncate, Html, ErrorIn200, InvalidJson, DropAfter, Offline }

/// <summary>A misbehaviour armed for the next <see cref="Count"/> requests matching method and path prefix.</summary>
public sealed class Fault
{
    public string? Method { get; set; }
    public string PathPrefix { get; set; } = "/api/";
    public int Count { get; set; } = 1;
    public FaultKind Kind { get; set; } = FaultKind.Status;
    public int Status { get; set; } = 500;
    public string? RetryAfter { get; set; }
    public int DelayMs { get; set; }
    /// <summary>Matching requests let through untouched before the fault applies (Skip 1: the second request is the first hit).</summary>
    public int Skip { get; set; }
    internal int Hits, Skipped;
}

public sealed record RecordedRequest(string Method, string Path, string Query, string Body, string? Authorization, string? UserAgent, DateTime At)
{
    /// <summary>Query value (first) by name, URL-decoded.</summary>
    public string? Q(string name) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Query).TryGetValue(name, out var v) ? v.ToString() : null;
}

public sealed class FieldDef(string alias, string label, string type, string group, int id)
{
    public string Alias { get; } = alias;
    public string Label { get; } = label;
    public string Type { get; } = type;
    public string Group { get; } = group;
    public int Id { get; } = id;
}

/// <summary>
/// Who a request acts as. A client_credentials token is no user: Mautic makes a pseudo user named
/// "&lt;client name&gt; [&lt;client id&gt;]" with no id, and stamps records with createdBy null and that name.
/// </summary>
public sealed record Principal(long? UserId, string Name)
{
    public static readonly Principal Admin = new(1, "Admin User");
}

/// <summary>Who created and last changed a record (createdBy/createdByUser, modifiedBy/modifiedByUser).</summary>
public abstract class Stamped
{
    public long? CreatedBy = 1;
    public string? CreatedByUser = "Admin User";
    public long? ModifiedBy;
    public string? ModifiedByUser;
    public DateTime DateAdded = DateTime.UtcNow;
    public DateTime? DateModified;

    public void Created(Principal p) { CreatedBy = p.UserId; CreatedByUser = p.Name; }
    public void Modified(Principal p) { ModifiedBy = p.UserId; ModifiedByUser = p.Name; DateModified = DateTime.UtcNow; }
}

public sealed class Contact : Stamped
{
    public long Id;
    public Dictionary<string, string?> Fields = new(StringComparer.Ordinal);
    public List<string> Tags = new();
    public long? Owner;
    public int Points;
    /// <summary>The stage the contact is in (stages/{id}/contact/{cid}/add).</summary>
    public long? Stage;
    /// <summary>The companies the contact belongs to, one of them primary (companies/{id}/contact/{cid}/add).</summary>
    public List<CompanyLink> Companies = new();
    /// <summary>Do-not-contact entries, one per channel (contacts/{id}/dnc/{channel}/add).</summary>
    public List<DncEntry> Dnc = new();
    /// <summary>UTM tag sets (contacts/{id}/utm/add).</summary>
    public List<UtmEntry> Utm = new();
    /// <summary>Scores by point group id (contacts/{id}/points/groups/{gid}/...).</summary>
    public SortedDictionary<long, int> GroupScores = new();
    /// <summary>The point change log the timeline shows (point.gained).</summary>
    public List<PointLog> PointLogs = new();
}

public sealed record DncEntry(long Id, string Channel, int Reason, string Comments, long? ChannelId, DateTime DateAdded);
public sealed record UtmEntry(long Id, Dictionary<string, string?> Values, System.Text.Json.Nodes.JsonNode? Query, DateTime DateAdded);
public sealed record PointLog(long Id, string EventName, string ActionName, int Delta, string? GroupName, DateTime DateAdded);

public sealed class CompanyLink
{
    public long CompanyId;
    public DateTime Associated = DateTime.UtcNow;
    public bool Primary;
}

public sealed class Segment : Stamped
{
    public long Id;
    public string Name = "";
    public string Alias = "";
    public string? Description;
    /// <summary>The name shown to contacts; the name when none was sent.</summary>
    public string? PublicName;
    public bool IsPublished = true;
    public bool IsGlobal = true;
    public bool IsPreferenceCenter;
    public HashSet<long> Members = new();
    /// <summary>The projects it is in (7.x), in the order they were set.</summary>
    public List<long> Projects = new();
}

/// <summary>One e-mail sent to one contact: a row of Mautic's email_stats (its tracking hash is what emails/reply/{hash} takes).</summary>
public sealed record SentEmail(long EmailId, long ContactId, string? Tokens, string? Attachments)
{
    public long Id;
    public string TrackingHash = Guid.NewGuid().ToString("N")[..22];
    public DateTime DateSent = DateTime.UtcNow;
    public string? Address;
    /// <summary>"api" for a send to one contact; null for a segment send (not measured).</summary>
    public string? Source;
    public long? ListId;
    public DateTime? DateRead;
    /// <summary>The latest open (last_opened) and the opens so far (open_count; open_details keeps each one's time and user agent).</summary>
    public DateTime? LastOpened;
    public List<(DateTime At, string? UserAgent)> Opens = new();
}

/// <summary>A row of email_stats_devices: one open of a sent e-mail's tracking pixel.</summary>
public sealed record EmailOpen(long Id, long StatId, DateTime DateOpened);

/// <summary>A row of page_redirects: a tracked link's target, shared by every e-mail that links to that URL.</summary>
public sealed class Redirect
{
    public long Id;
    public string Key = "";
    public string Url = "";
    public DateTime DateAdded = DateTime.UtcNow;
    public string? CreatedByUser;
    public long Hits, UniqueHits;
    public HashSet<long> Visitors = new();
}

/// <summary>A row of channel_url_trackables: a redirect used by one e-mail (channel "email", channel_id the e-mail).</summary>
public sealed class Trackable
{
    public string Channel = "email";
    public long ChannelId;
    public long RedirectId;
    public long Hits, UniqueHits;
    public HashSet<long> Visitors = new();
}

/// <summary>A row of page_hits made by a click on a tracked link of an e-mail.</summary>
public sealed record PageHit(long Id, long RedirectId, long? EmailId, long? ContactId, DateTime DateHit, string Url, string? UserAgent, string Query, string TrackingId);

/// <summary>A row of email_stat_replies: a reply recorded through emails/reply/{hash}.</summary>
public sealed record EmailReply(string Id, long StatId, DateTime DateReplied, string MessageId);

/// <summary>All server data, guarded by one lock; tests read and arm it directly.</summary>
public sealed class FakeState
{
    public readonly object Sync = new();
    public bool ApiEnabled { get; set; } = true;
    public bool BasicAuthEnabled { get; set; } = true;
    /// <summary>The Mautic-Version the fake answers with (--mautic-version); 7.x switches on what 7.0.0 does differently.</summary>
    public string Version { get; set; } = "5.1.0";
    /// <summary>
    /// Mautic 7.0 and later (measured on 7.0.0): a batch delete naming an id that does not exist answers 500 and
    /// deletes nothing (5.1 deletes the others).
    /// </summary>
    public bool IsV7 => int.TryParse(Version.Split('.')[0], out var major) && major >= 7;
    public string AdminUser { get; set; } = "admin";
    public string AdminPassword { get; set; } = "Sup3r-Secret-Pw!";
    public string ClientId { get; set; } = "1_fakeclientid";
    public string ClientSecret { get; set; } = "fake-client-secret-7c41";
    /// <summary>The OAuth2 client's name, which its client_credentials tokens act under ("Fake client [1]").</summary>
    public string ClientName { get; set; } = "Fake client";
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(60);
    /// <summary>Delay added to every /api request, to stand in for network round trips (benchmarks).</summary>
    public int LatencyMs { get; set; }

    /// <summary>
    /// Mautic 5.1's API rate limiter (api_rate_limiter_limit, calls per hour; 0 = off), as the noxlogic bundle it uses
    /// answers: every /api response carries X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset (epoch
    /// seconds, the end of the window); a call over the limit gets 429 with its JSON message and no Retry-After, and
    /// still counts. The window is <see cref="RateLimitWindow"/> long (an hour in Mautic; tests shorten it).
    /// </summary>
    public int RateLimit { get; set; }
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromHours(1);
    DateTime _rateWindowStart;
    int _rateCalls;

    /// <summary>Counts one API call against the limiter: (limit, remaining, reset, over the limit).</summary>
    public (int Limit, int Remaining, DateTime Reset, bool Over) CountRateLimitedCall()
    {
        lock (Sync)
        {
            var now = DateTime.UtcNow;
            if (_rateWindowStart == default || now >= _rateWindowStart + RateLimitWindow) { _rateWindowStart = now; _rateCalls = 0; }
            _rateCalls++;
            return (RateLimit, Math.Max(0, RateLimit - _rateCalls), _rateWindowStart + RateLimitWindow, _rateCalls > RateLimit);
        }
    }
    /// <summary>How far the server's clock (its Date header) is off: a server with a wrong clock, for the clock-skew check.</summary>
    public TimeSpan ClockOffset { get; set; }
    /// <summary>
    /// Benchmarks: when set, every request costs the server CPU a real Mautic spends on it (<see cref="ServiceModel"/>),
    /// served by its workers on its cores. Null (the default, and for tests) answers at once.
    /// </summary>
    public ServiceModel? Service
    {
        get => ServiceParts.Model;
        set
        {
            ServiceParts.Cpu?.Dispose();
            ServiceParts = value == null ? default : (value, new SemaphoreSlim(value.Workers), new ServiceClock(value.Cores));
        }
    }

    internal (ServiceModel? Model, SemaphoreSlim? Workers, ServiceClock? Cpu) ServiceParts;

    /// <summary>Largest batch Mautic accepts (api_batch_max_limit).</summary>
    public int BatchLimit { get; set; } = 200;

    public readonly Dictionary<string, DateTime> AccessTokens = new();
    /// <summary>Access tokens granted with client_credentials (they act as the client, not as a user).</summary>
    public readonly HashSet<string> ClientTokens = new();
    /// <summary>Refresh token to "already used".</summary>
    public readonly Dictionary<string, bool> RefreshTokens = new();
    public int TokenGrants;

    public readonly SortedDictionary<long, Contact> Contacts = new();
    public readonly SortedDictionary<long, Segment> Segments = new();
    /// <summary>Mautic 7's projects (/api/v2/projects; see Projects.cs).</summary>
    public readonly SortedDictionary<long, Project> Projects = new();
    public long NextProjectId = 1;
    /// <summary>Contacts' category subscriptions (Mautic's lead_categories; see ContactCategories.cs), by id.</summary>
    public readonly SortedDictionary<long, ContactCategory> ContactCategories = new();
    public long NextContactCategoryId = 1;
    public EntityStore Emails => Stores["emails"];
    public readonly List<SentEmail> Sent = new();
    public readonly List<EmailReply> Replies = new();
    public long NextStatId = 1;
    /// <summary>Opens, tracked links and clicks (see Engagement.cs).</summary>
    public readonly List<EmailOpen> EmailOpens = new();
    public readonly List<Redirect> Redirects = new();
    public readonly List<Trackable> Trackables = new();
    public readonly List<PageHit> PageHits = new();
    /// <summary>Text messages sent (message id, contact id), in order; a send's statId is its position.</summary>
    public readonly List<(long SmsId, long ContactId)> SentSms = new();
    /// <summary>An SMS transport is enabled: a stock Mautic has none, and its send route then refuses every send.</summary>
    public bool SmsTransport { get; set; }
    public long NextContactId = 1;
    /// <summary>The simple areas' records (tags, stages, companies, ...), by route; see <see cref="FakeAreas"/>.</summary>
    public readonly Dictionary<string, EntityStore> Stores = FakeAreas.All.ToDictionary(a => a.Route, a => new EntityStore(a));
    /// <summary>Mautic's tag table: a tag keeps its id after the last contact lost it, until the tag is deleted.</summary>
    public EntityStore Tags => Stores["tags"];
    public EntityStore Stages => Stores["stages"];
    public EntityStore Companies => Stores["companies"];
    public EntityStore Categories => Stores["categories"];
    public EntityStore Roles => Stores["roles"];
    public EntityStore CampaignStore => Stores["campaigns"];
    /// <summary>Campaign events, memberships and contact event logs (see Campaigns.cs).</summary>
    public readonly CampaignData Campaigns = new();
    readonly Dictionary<(string, long), string> _uuids = new();
    /// <summary>The uuid Mautic 7 gives a record of a table (its v2 API shows it; v1 never does), made when first needed.</summary>
    public string UuidOf(string table, long id) => _uuids.TryGetValue((table, id), out var u) ? u : _uuids[(table, id)] = Guid.NewGuid().ToString();
    /// <summary>The media folders and the themes (see FilesThemes.cs).</summary>
    public readonly MediaData Media = new();
    public EntityStore Notes => Stores["notes"];
    /// <summary>Form field, action and submission ids and the submissions (see Forms.cs).</summary>
    public readonly FormData Forms = new();
    /// <summary>Mautic's lead_fields: contact and company field definitions in one table (ids shared), seeded from the fake's fields.</summary>
    public EntityStore Fields => Stores["fields/contact"];
    public long NextSegmentId = 4;
    /// <summary>Point-trigger event ids are one sequence over every trigger.</summary>
    public long NextTriggerEventId = 1;
    /// <summary>Ids of the contact sub-records (Mautic's tables are global, not per contact).</summary>
    public long NextDncId = 1, NextUtmId = 1, NextPointLogId = 1;
    /// <summary>A marketing message's channel rows are one sequence over every message.</summary>
    public long NextMessageChannelId = 1;

    /// <summary>The pseudo user a client_credentials token acts as.</summary>
    public Principal ClientPrincipal => new(null, $"{ClientName} [{ClientId.Split('_')[0]}]");

    public readonly ConcurrentQueue<RecordedRequest> Requests = new();
    readonly List<Fault> _faults = new();
    int _inFlight, _maxInFlight;

    /// <summary>Requests being answered right now (from arrival until the answer is written or the client hung up).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The most requests that were being answered at the same time since the server started (or <see cref="ResetConcurrency"/>).</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public void ResetConcurrency() => Volatile.Write(ref _maxInFlight, InFlight);

    /// <summary>Counts one request in flight until the returned scope ends.</summary>
    internal IDisposable Arrived()
    {
        var now = Interlocked.Increment(ref _inFlight);
        int max;
        while (now > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max) { }
        return new Departure(this);
    }

    sealed class Departure(FakeState s) : IDisposable
    {
        int _done;
        public void Dispose() { if (Interlocked.Exchange(ref _done, 1) == 0) Interlocked.Decrement(ref s._inFlight); }
    }

    public static readonly FieldDef[] FieldDefs =
    [
        new("title", "Title", "lookup", "core", 1), new("firstname", "First Name", "text", "core", 2),
        new("lastname", "Last Name", "text", "core", 3), new("company", "Primary company", "text", "core", 4),
        new("position", "Position", "text", "core", 5), new("email", "Email", "email", "core", 6),
        new("mobile", "Mobile", "tel", "core", 7), new("phone", "Phone", "tel", "core", 8),
        new("fax", "Fax", "tel", "core", 10), new("address1", "Address Line 1", "text", "core", 11),
        new("city", "City", "text", "core", 13), new("state", "State", "region", "core", 14),
        new("zipcode", "Zip Code", "text", "core", 15), new("country", "Country", "country", "core", 16),
        new("website", "Website", "url", "core", 17), new("twitter", "Twitter", "text", "social", 18),
        new("linkedin", "LinkedIn", "text", "social", 19),
        // A stock field of every Mautic (FieldModel::$coreFields): fields.all repeats the contact's lastActive under it.
        new("last_active", "Date Last Active", "datetime", "core", 20), new("score", "Score", "number", "professional", 44),
        new("last_order_at", "Last order", "datetime", "professional", 45), new("newsletter", "Newsletter", "boolean", "personal", 46),
    ];

    public FakeState()
    {
        Stores["fields/company"] = Stores["fields/contact"];
        Routes.SeedFields(this);
        Segments[1] = new Segment { Id = 1, Name = "Newsletter", Alias = "newsletter", Description = "Everyone who opted in" };
        Segments[2] = new Segment { Id = 2, Name = "Customers", Alias = "customers" };
        Segments[3] = new Segment { Id = 3, Name = "Webinar 2026", Alias = "webinar-2026" };
        Emails.Add(new Dictionary<string, object?> { ["name"] = "Monthly newsletter", ["subject"] = "News", ["emailType"] = "list", ["lists"] = new System.Text.Json.Nodes.JsonArray(1L), ["revision"] = 1L });
        Emails.Add(new Dictionary<string, object?> { ["name"] = "Welcome", ["subject"] = "Welcome {contactfield=firstname}", ["emailType"] = "template", ["revision"] = 1L });
        Emails.Add(new Dictionary<string, object?> { ["name"] = "Draft", ["subject"] = "Draft", ["emailType"] = "template", ["revision"] = 1L }).IsPublished = false;
    }

    public Fault Arm(Fault fault)
    {
        lock (_faults) _faults.Add(fault);
        return fault;
    }

    public void ClearFaults() { lock (_faults) _faults.Clear(); }

    internal Fault? TakeFault(string method, string path)
    {
        lock (_faults)
        {
            foreach (var f in _faults)
            {
                if (f.Hits >= f.Count) continue;
                if (f.Method != null && !string.Equals(f.Method, method, StringComparison.OrdinalIgnoreCase)) continue;
                if (!path.StartsWith(f.PathPrefix, StringComparison.OrdinalIgnoreCase)) continue;
                if (f.Skipped < f.Skip) { f.Skipped++; continue; }
                f.Hits++;
                return f;
            }
            return null;
        }
    }

    public string IssueRefreshToken()
    {
        var t = "rt_" + Guid.NewGuid().ToString("N");
        lock (Sync) RefreshTokens[t] = false;
        return t;
    }

    /// <summary>Adds a contact directly (test seeding); returns it.</summary>
    public Contact AddContact(string? email, string? firstname = null, string? lastname = null, params string[] tags)
    {
        lock (Sync)
        {
            var c = new Contact { Id = NextContactId++, DateAdded = DateTime.UtcNow };
            if (email != null) c.Fields["email"] = email;
            if (firstname != null) c.Fields["firstname"] = firstname;
            if (lastname != null) c.Fields["lastname"] = lastname;
            c.Tags.AddRange(tags);
            foreach (var t in tags) TagId(t);
            Contacts[c.Id] = c;
            IndexEmail(c);
            return c;
        }
    }

    /// <summary>
    /// Adds <paramref name="count"/> contacts directly, without HTTP (benchmarks: 100,000 in a second or two):
    /// e-mail <c>{prefix}{n}@{domain}</c>, first name <c>Seed</c>, last name <c>N{n}</c>, n from 1. Returns the first id.
    /// </summary>
    public long SeedContacts(int count, string domain, string prefix = "seed")
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
        lock (Sync)
        {
            var first = NextContactId;
            for (var n = 1; n <= count; n++)
            {
                var c = new Contact { Id = NextContactId++, DateAdded = DateTime.UtcNow };
                c.Fields["email"] = $"{prefix}{n}@{domain}";
                c.Fields["firstname"] = "Seed";
                c.Fields["lastname"] = "N" + n.ToString(CultureInfo.InvariantCulture);
                Contacts[c.Id] = c;
                IndexEmail(c);
            }
            return first;
        }
    }

    // Contacts by e-mail (Mautic's unique identifier, compared as the database collates), so a create finds the contact
    // it merges into without reading every contact. An entry is only ever added: a contact deleted, or whose e-mail
    // changed, leaves a stale id that ContactByEmail checks against the contact and drops.
    readonly Dictionary<string, SortedSet<long>> _byEmail = new(Routes.Collation);

    /// <summary>Records the contact's current e-mail in the index (call under <see cref="Sync"/> whenever a stored contact's e-mail may have been set).</summary>
    public void IndexEmail(Contact c)
    {
        if (c.Id == 0 || !c.Fields.TryGetValue("email", out var e) || string.IsNullOrEmpty(e)) return;
        if (!_byEmail.TryGetValue(e, out var ids)) _byEmail[e] = ids = new SortedSet<long>();
        ids.Add(c.Id);
    }

    /// <summary>The contact with the lowest id whose e-mail equals <paramref name="email"/> in Mautic's collation, or null (call under <see cref="Sync"/>).</summary>
    /// <summary>Every stored contact whose e-mail is <paramref name="email"/> (as the database collates), for where email in/eq (call under <see cref="Sync"/>).</summary>
    public IEnumerable<Contact> ContactsByEmail(string email)
    {
        if (!_byEmail.TryGetValue(email, out var ids)) return [];
        return ids.Select(id => Contacts.TryGetValue(id, out var c) ? c : null)
            .Where(c => c != null && c.Fields.TryGetValue("email", out var e) && e != null && Routes.Collation.Equals(e, email)).Select(c => c!).ToList();
    }

    public Contact? ContactByEmail(string email)
    {
        if (!_byEmail.TryGetValue(email, out var ids)) return null;
        Contact? found = null;
        List<long>? stale = null;
        foreach (var id in ids)
        {
            if (Contacts.TryGetValue(id, out var c) && c.Fields.TryGetValue("email", out var e) && e != null && Routes.Collation.Equals(e, email)) { found = c; break; }
            (stale ??= new()).Add(id);
        }
        if (stale != null) foreach (var id in stale) ids.Remove(id);
        if (ids.Count == 0) _byEmail.Remove(email);
        return found;
    }

    /// <summary>The tag's id, adding it to the tag table if new (call under <see cref="Sync"/>).</summary>
    public long TagId(string tag)
    {
        foreach (var e in Tags.Rows.Values)
            if (string.Equals(e.Text("tag"), tag, StringComparison.OrdinalIgnoreCase)) return e.Id;
        return Tags.Add(new Dictionary<string, object?> { ["tag"] = tag }).Id;
    }

    /// <summary>Adds a company directly (test seeding): companyname plus any other company field by alias.</summary>
    public Entity AddCompany(string name, IReadOnlyDictionary<string, object?>? fields = null)
    {
        lock (Sync)
        {
            var values = new Dictionary<string, object?>(fields ?? new Dictionary<string, object?>()) { ["companyname"] = name };
            return Companies.Add(values);
        }
    }

    /// <summary>Adds a stage directly (test seeding).</summary>
    public Entity AddStage(string name, long weight = 0)
    {
        lock (Sync) return Stages.Add(new Dictionary<string, object?> { ["name"] = name, ["weight"] = weight });
    }

    public IReadOnlyList<RecordedRequest> RequestsTo(string pathPrefix, string? method = null) =>
        Requests.Where(r => r.Path.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase) && (method == null || r.Method == method)).ToList();
}
