using System.Globalization;
using System.Threading;
using Mautic.Client.Batching;
using Mautic.Client.Paging;

namespace Mautic.Client.Operations
{
    /// <summary>What keeping a membership equal to a list did for one contact.</summary>
    public enum MemberAction { Added, Removed, Unchanged }

    /// <summary>
    /// Keeps the contacts of one segment, campaign, company or tag equal to a desired list (Sync-Mautic*Member): reads who
    /// is in it now in as few requests as Mautic allows, and changes only the difference through the cheapest route there
    /// is. How each kind is read and changed:
    /// <list type="bullet">
    /// <item>segment: read by Mautic's search segment:alias (lead_lists_leads rows not manually removed); added 200 per
    /// request (segments/{id}/contacts/add), removed one request per contact (Mautic has no batch removal);</item>
    /// <item>campaign: read from campaigns/{id}/contacts (campaign_leads rows not manually removed); one request per
    /// contact either way;</item>
    /// <item>company: read by search company_id:id, which joins companies_leads (every company of a contact, primary or
    /// not; the same code in 5.1.0 and 7.0.0); one request per contact either way;</item>
    /// <item>tag: read by search tag:"+name"; added and removed 200 contacts per request through a PATCH of
    /// contacts/batch/edit with ids and tags ["name"] or ["-name"] (Mautic adds a tag named so, removes one named with a
    /// leading minus, and keeps the contact's other tags).</item>
    /// </list>
    /// </summary>
    public sealed class MemberSync : ClientService
    {
        readonly MauticResource _target;
        readonly long _targetId;
        readonly MissingRecord _missing;
        string _tagName;

        public MemberSync(MauticClient client, MauticResource target, long targetId, CancellationToken ct = default) : base(client)
        {
            if (!Supports(target)) throw new MauticApiException($"Mautic cannot keep the contacts of a {target.Noun} in sync.", MauticErrorKind.NotSupported);
            EntityService.CheckId(target.Noun, targetId);
            _target = target;
            _targetId = targetId;
            _missing = new MissingRecord(client, target, targetId, ct);
        }

        /// <summary>The kinds of record whose contacts can be kept equal to a list.</summary>
        public static bool Supports(MauticResource target) =>
            target == MauticResources.Segments || target == MauticResources.Campaigns || target == MauticResources.Companies || target == MauticResources.Tags;

        /// <summary>
        /// Who is a member now: contact id to e-mail (null where the listing does not say: a campaign's rows carry only
        /// ids). Contact listings ask for <paramref name="pageSize"/> a page with minimal=1 (Mautic skips tags, owner and
        /// the like for each contact). A missing target is NotFound.
        /// </summary>
        public IReadOnlyDictionary<long, string> CurrentMembers(int pageSize, CancellationToken ct = default)
        {
            var members = new Dictionary<long, string>();
            if (_target == MauticResources.Campaigns)
            {
                MissingRecord.Read(Client, _target, _targetId, ct);
                foreach (var row in new CampaignService(Client).Members(_targetId, ct))
                    if (row["ContactId"] is long id) members[id] = null;
                return members;
            }
            var query = new ListQuery { PageSize = pageSize, Minimal = true };
            foreach (var contact in new MembershipService(Client).Members(_target, _targetId, query, ct))
                if (contact.Id is long id) members[id] = contact["email"] as string;
            return members;
        }

        /// <summary>
        /// Adds or removes the contacts of <paramref name="items"/> (input, contact id), 200 per request where Mautic has
        /// a batch route for it and otherwise <paramref name="throttle"/> requests at once; outcomes in input order, each
        /// failure carrying its input.
        /// </summary>
        public IEnumerable<BatchOutcome<T>> Change<T>(bool add, IReadOnlyList<WriteItem<T>> items, int throttle = Throttle.Default, CancellationToken ct = default)
        {
            if (items.Count == 0) return new BatchOutcome<T>[0];
            if (_target == MauticResources.Segments && add) return new SegmentService(Client).AddMembers(_targetId, items, ct).ToList();
            if (_target == MauticResources.Tags) return ChangeTag(add, items, ct);
            return new MembershipService(Client).Change(_target, _targetId, add, items, throttle, ct, _missing);
        }

        IEnumerable<BatchOutcome<T>> ChangeTag<T>(bool add, IReadOnlyList<WriteItem<T>> items, CancellationToken ct)
        {
            var name = TagName(ct);
            var edits = items.Select(i => new WriteItem<T>(i.Input, new JObject { ["tags"] = new JArray(add ? name : "-" + name) }, i.Id)).ToList();
            var outcomes = new List<BatchOutcome<T>>(items.Count);
            for (var n = 0; n < items.Count; n++) EntityService.CheckId("contact", items[n].Id);
            foreach (var o in new ContactService(Client).Update(edits, ct))
            {
                if (!o.Succeeded) { outcomes.Add(o); continue; }
                outcomes.Add(BatchOutcome<T>.Success(o.Input, MembershipService.Membership(_target, _targetId, o.Record.Id ?? 0, add), 200));
            }
            return outcomes;
        }

        /// <summary>The tag's name as Mautic stores it (read once): what a contact's tags list and the edit route take.</summary>
        string TagName(CancellationToken ct)
        {
            if (_tagName != null) return _tagName;
            var name = (string)MissingRecord.Read(Client, _target, _targetId, ct)?[_target.NameField];
            if (string.IsNullOrEmpty(name)) throw new MauticApiException($"Tag {_targetId.ToString(CultureInfo.InvariantCulture)} has no name.", MauticErrorKind.InvalidData);
            return _tagName = name;
        }

        /// <summary>One contact's outcome: Mautic.MemberSyncResult with Action, ContactId, Email, Target (Segment, Campaign, Company or Tag), TargetId and the input.</summary>
        public MauticRecord Result(MemberAction action, long contactId, string email, object input)
        {
            var r = new MauticRecord("Mautic.MemberSyncResult");
            r["Action"] = action.ToString();
            r["ContactId"] = contactId;
            r["Email"] = email;
            r["Target"] = _target.TypeName.Substring("Mautic.".Length);
            r["TargetId"] = _targetId;
            r["InputObject"] = input;
            return r;
        }
    }
}
