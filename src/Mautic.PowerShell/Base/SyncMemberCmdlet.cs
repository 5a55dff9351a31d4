using System.Diagnostics;
using System.Globalization;
using Mautic.Client.Paging;

namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// Sync-Mautic&lt;Target&gt;Member: makes the contacts of one segment, campaign, company or tag equal to a list of
    /// contacts given as ids, e-mails or objects (<see cref="MemberSync"/> reads and changes). Contacts not yet in it are
    /// added; with -Exact, those in it and not in the list are removed, a step that asks as a ConfirmImpact High action
    /// does (-Force or -Confirm:$false skip the question); -WhatIf lists both. One Mautic.MemberSyncResult per contact
    /// (Added, Removed, Unchanged), one error carrying the input for each that could not be done; a summary through
    /// -Verbose and the information stream. A cmdlet names its <see cref="Target"/> area and declares the target's parameter.
    /// </summary>
    /// <remarks>
    /// -Exact never removes a member because of something the cmdlet could not read: when an input could not be made a
    /// contact (neither an id nor an e-mail, or a record of another kind), the removal step is skipped as a whole, saying
    /// so; contacts that share an e-mail the list names are kept. An e-mail that no contact has is an error for that
    /// input only (it cannot be anyone's, so removals go on).
    /// </remarks>
    public abstract class SyncMemberCmdlet : MauticCmdlet
    {
        /// <summary>The contacts that should be members: contact ids, e-mail addresses, or objects (Mautic contacts and results, CSV rows or directory users with an e-mail, mail or EmailAddress property).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
        [AllowEmptyCollection]
        [Alias("ContactId", "Email")]
        public object[] Contact { get; set; }

        /// <summary>Also remove the members that are not in the list (asks first, as a delete does; -Force skips that).</summary>
        [Parameter] public SwitchParameter Exact { get; set; }

        /// <summary>With -Exact: remove without asking.</summary>
        [Parameter] public SwitchParameter Force { get; set; }

        /// <summary>Requests at once where Mautic changes one contact per request (1 to 16).</summary>
        [Parameter]
        [ValidateRange(1, Throttle.Max)]
        public int ThrottleLimit { get; set; } = Throttle.Default;

        protected abstract MauticResource Target { get; }
        /// <summary>The target's parameter as bound (-Segment): an id, a name or the record.</summary>
        protected abstract MauticRecordRef TargetRef { get; }

        /// <summary>Only the removal step can be High; adding is an ordinary change.</summary>
        protected override ConfirmImpact PromptImpact => Exact && !Force ? ConfirmImpact.High : ConfirmImpact.Medium;

        /// <summary>Module records whose contact is their Id (the others in <see cref="MauticCmdlet.ContactKinds"/> name it ContactId).</summary>
        static readonly string[] IdIsContact = { "Mautic.Contact", "Mautic.SyncResult" };
        static readonly string[] Accepted = ContactKinds.Concat(new[] { "Mautic.SyncResult", "Mautic.MemberSyncResult" }).ToArray();
        static readonly string[] EmailProperties = { "email", "mail", "EmailAddress" };

        sealed class Wanted
        {
            public object Input;
            public long? Id;
            public string Email;
        }

        readonly List<Wanted> _wanted = new List<Wanted>();
        MemberSync _sync;
        long _targetId;
        string _what;
        /// <summary>Why -Exact must not remove anyone this run (an input that could not be made a contact); null when nothing stands in the way.</summary>
        string _keepAll;
        Stopwatch _clock;

        protected override void Begin()
        {
            _clock = Stopwatch.StartNew();
            _targetId = ResolveOrStop(TargetRef, Target);
            _what = Target.Noun + " " + _targetId.ToString(CultureInfo.InvariantCulture);
            _sync = new MemberSync(Conn.Client, Target, _targetId, CancellationToken);
        }

        protected override void Process()
        {
            foreach (var given in Contact ?? new object[0])
            {
                var wanted = Classify(given, out var problem);
                if (wanted != null) { _wanted.Add(wanted); continue; }
                _keepAll = _keepAll ?? "an input could not be made a contact (see its error)";
                WriteInvalidArgument(problem, given);
            }
        }

        /// <summary>An input as a contact id or an e-mail; null with the reason when it is neither.</summary>
        Wanted Classify(object given, out string problem)
        {
            problem = null;
            var name = MyInvocation.MyCommand.Name;
            var piped = given as PSObject;
            var value = PSConvert.ToPlain(given);
            switch (value)
            {
                case null:
                    problem = $"{name} was given an empty contact ($null); give a contact id, an e-mail address or a contact.";
                    return null;
                case string s:
                    s = s.Trim();
                    if (s.Length > 0 && s.All(char.IsDigit) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var sid))
                        return IdOrProblem(given, sid, out problem);
                    if (LooksLikeEmail(s)) return new Wanted { Input = given, Email = s };
                    problem = $"'{s}' is neither a contact id nor an e-mail address.";
                    return null;
                case int _: case long _: case short _: case byte _: case uint _: case ulong _: case decimal _: case double _: case float _:
                    var number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                    if (number != decimal.Truncate(number) || number > long.MaxValue || number < long.MinValue)
                    {
                        problem = $"{value} is not a contact id (ids are whole numbers from 1).";
                        return null;
                    }
                    return IdOrProblem(given, (long)number, out problem);
            }
            var record = piped ?? PSObject.AsPSObject(given);
            var kind = PSConvert.MauticKind(record);
            if (kind != null)
            {
                if (!Accepted.Contains(kind))
                {
                    problem = $"{name} takes contacts, but a {kind} was given; its id is not a contact id, so nothing was done with it.";
                    return null;
                }
                var id = PSConvert.ToPlain(record.Properties[IdIsContact.Contains(kind) ? "Id" : "ContactId"]?.Value);
                if (id != null && long.TryParse(Convert.ToString(id, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var kid))
                    return IdOrProblem(given, kid, out problem);
                problem = $"The {kind} given has no contact id.";
                return null;
            }
            // Anything else (a CSV row, a directory user, a hashtable): ContactId, then an e-mail, then Id.
            var properties = PSConvert.PropertiesOf(record).ToList();
            object Prop(string p) => PSConvert.ToPlain(properties.FirstOrDefault(kv => string.Equals(kv.Key, p, StringComparison.OrdinalIgnoreCase)).Value);
            var contactId = Prop("ContactId");
            if (contactId != null) return FromText(given, contactId, "ContactId", out problem);
            foreach (var p in EmailProperties)
            {
                var mail = Convert.ToString(Prop(p), CultureInfo.InvariantCulture)?.Trim();
                if (string.IsNullOrEmpty(mail)) continue;
                if (LooksLikeEmail(mail)) return new Wanted { Input = given, Email = mail };
                problem = $"Its {p} '{mail}' is not an e-mail address.";
                return null;
            }
            var plainId = Prop("Id");
            if (plainId != null) return FromText(given, plainId, "Id", out problem);
            problem = $"{name} could not tell which contact this is: give contact ids, e-mail addresses, contacts, or objects with a ContactId, email, mail, EmailAddress or Id property.";
            return null;
        }

        static Wanted FromText(object given, object value, string property, out string problem)
        {
            if (long.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
                return IdOrProblem(given, id, out problem);
            problem = $"Its {property} '{value}' is not a contact id.";
            return null;
        }

        static Wanted IdOrProblem(object given, long id, out string problem)
        {
            problem = id < 1 ? $"{id.ToString(CultureInfo.InvariantCulture)} is not a contact id (ids are whole numbers from 1)." : null;
            return problem == null ? new Wanted { Input = given, Id = id } : null;
        }

        static bool LooksLikeEmail(string s)
        {
            var at = s.IndexOf('@');
            return at > 0 && at == s.LastIndexOf('@') && at < s.Length - 1 && s.IndexOfAny(new[] { ' ', ',', '\t', '\r', '\n' }) < 0;
        }

        protected override void End()
        {
            var ct = CancellationToken;
            // 1. E-mails become contact ids: one list request per 100 addresses.
            var byEmail = new Dictionary<string, List<long>>(StringComparer.OrdinalIgnoreCase);
            var emailOf = new Dictionary<long, string>();
            var emails = _wanted.Where(w => w.Email != null).Select(w => w.Email).ToList();
            if (emails.Count > 0)
                foreach (var c in Conn.Contacts.WhereIn("email", emails, ct))
                {
                    if (!(c.Id is long id) || !(c["email"] is string mail)) continue;
                    if (!byEmail.TryGetValue(mail, out var ids)) byEmail[mail] = ids = new List<long>();
                    if (!ids.Contains(id)) ids.Add(id);
                    emailOf[id] = mail;
                }
            var keep = new HashSet<long>();   // contacts -Exact must not remove (they share an e-mail the list names)
            var resolved = new List<Wanted>();
            foreach (var w in _wanted)
            {
                if (w.Email == null) { resolved.Add(w); continue; }
                if (!byEmail.TryGetValue(w.Email, out var ids))
                {
                    WriteItemError(new MauticApiException($"No contact has the e-mail '{w.Email}', so it was not made a member of {_what}.", MauticErrorKind.NotFound), w.Input);
                    continue;
                }
                if (ids.Count > 1)
                {
                    keep.UnionWith(ids);
                    WriteItemError(new MauticApiException($"{ids.Count} contacts have the e-mail '{w.Email}' (ids {string.Join(", ", ids)}); nothing was done for it, and none of them is removed: merge them in Mautic or give the id.",
                        MauticErrorKind.InvalidArgument), w.Input);
                    continue;
                }
                w.Id = ids[0];
                resolved.Add(w);
            }

            // 2. Who is in it now.
            var current = _sync.CurrentMembers(ListQuery.DefaultPageSizeFor(Conn.AuthMethod), ct);
            WriteVerbose($"{EntityService.Capital(_what)} has {current.Count} contact(s); the list names {resolved.Count}.");

            // 3. The difference, in input order: each contact once (a repeat is Unchanged).
            var seen = new HashSet<long>();
            var plan = new List<KeyValuePair<Wanted, MemberAction>>();
            foreach (var w in resolved)
            {
                var id = w.Id.Value;
                plan.Add(new KeyValuePair<Wanted, MemberAction>(w, current.ContainsKey(id) || !seen.Add(id) ? MemberAction.Unchanged : MemberAction.Added));
                seen.Add(id);
            }
            var counts = new Dictionary<MemberAction, int> { [MemberAction.Added] = 0, [MemberAction.Removed] = 0, [MemberAction.Unchanged] = 0 };
            var failed = 0;
            string Label(long id) => "contact " + id.ToString(CultureInfo.InvariantCulture) + (Email(id) is string e ? " (" + e + ")" : "");
            string Email(long id) => current.TryGetValue(id, out var e) && e != null ? e : emailOf.TryGetValue(id, out var m) ? m : null;

            // 4. Adding: an ordinary change (-WhatIf lists each, -Confirm asks).
            var adds = new List<WriteItem<Wanted>>();
            var approved = new HashSet<Wanted>();
            foreach (var p in plan.Where(p => p.Value == MemberAction.Added))
                if (ShouldProcessAt(ConfirmImpact.Medium, false, Label(p.Key.Id.Value), "Add to " + _what))
                {
                    adds.Add(WriteItem<Wanted>.ForId(p.Key, p.Key.Id.Value));
                    approved.Add(p.Key);
                }
            var addOutcomes = _sync.Change(true, adds, ThrottleLimit, ct).ToDictionary(o => o.Input);
            foreach (var p in plan)
            {
                var id = p.Key.Id.Value;
                if (p.Value == MemberAction.Added)
                {
                    if (!approved.Contains(p.Key)) continue;
                    var outcome = addOutcomes[p.Key];
                    if (!outcome.Succeeded) { failed++; WriteItemError(outcome.Error, p.Key.Input); continue; }
                }
                counts[p.Value]++;
                WriteRecord(_sync.Result(p.Value, id, Email(id), p.Key.Input));
            }

            // 5. With -Exact, removing the others: asked as a delete is.
            var extra = Exact ? current.Keys.Where(id => !seen.Contains(id) && !keep.Contains(id)).OrderBy(id => id).ToList() : new List<long>();
            var wouldBe = WhatIfRequested()
                ? $"; -WhatIf: {plan.Count(p => p.Value == MemberAction.Added)} to add, {(_keepAll == null ? extra.Count : 0)} to remove"
                : "";
            if (Exact)
            {
                if (extra.Count > 0 && _keepAll != null)
                {
                    WriteError(new ErrorRecord(new PSInvalidOperationException(
                            $"-Exact: the {extra.Count} contact(s) in {_what} that are not in the list were NOT removed, because {_keepAll}: " +
                            "a member could be the contact that input meant. Fix the input and run it again."),
                        "MauticExactRemovalSkipped", ErrorCategory.InvalidOperation, extra.ToArray()));
                }
                else if (extra.Count > 0)
                {
                    var removals = extra.Where(id => ShouldProcessAt(ConfirmImpact.High, Force, Label(id), "Remove from " + _what))
                        .Select(id => WriteItem<long>.ForId(id, id)).ToList();
                    foreach (var outcome in _sync.Change(false, removals, ThrottleLimit, ct))
                    {
                        if (!outcome.Succeeded) { failed++; WriteItemError(outcome.Error, outcome.Input); continue; }
                        counts[MemberAction.Removed]++;
                        WriteRecord(_sync.Result(MemberAction.Removed, outcome.Input, Email(outcome.Input), null));
                    }
                }
            }

            var summary = $"{MyInvocation.MyCommand.Name}: {counts[MemberAction.Added]} added, {counts[MemberAction.Removed]} removed, {counts[MemberAction.Unchanged]} unchanged, " +
                $"{failed} failed ({_what}){wouldBe}; {_clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.";
            WriteSummary(summary);
        }
    }
}
