using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Mautic.Client.Batching;
using Mautic.Client.Resources;

namespace Mautic.Client.Operations
{
    /// <summary>
    /// Membership changes Mautic has no batch route for (a contact into or out of a company, a stage, a segment):
    /// one POST {route}/{targetId}/contact/{contactId}/{add|remove} per contact, several at a time but never more
    /// than the throttle, outcomes in input order, each failure carrying its input.
    /// </summary>
    public sealed class MembershipService
    {
        public const int DefaultThrottle = 4;

        readonly MauticClient _client;

        public MembershipService(MauticClient client) => _client = client ?? throw new ArgumentNullException(nameof(client));

        /// <summary>The record one change yields: Mautic.&lt;Target&gt;Membership with &lt;Target&gt;Id, ContactId and IsMember.</summary>
        public static MauticRecord Membership(MauticResource target, long targetId, long contactId, bool member)
        {
            var kind = target.TypeName.Substring("Mautic.".Length);
            var r = new MauticRecord(target.TypeName + "Membership");
            r[kind + "Id"] = targetId;
            r["ContactId"] = contactId;
            r["IsMember"] = member;
            return r;
        }

        public IEnumerable<BatchOutcome<T>> Change<T>(MauticResource target, long targetId, bool add, IReadOnlyList<WriteItem<T>> items,
            int throttle = DefaultThrottle, CancellationToken ct = default)
        {
            EntityService.CheckId(target.Noun, targetId);
            if (throttle < 1) throw new MauticApiException($"The throttle limit must be 1 or more, not {throttle}.", MauticErrorKind.InvalidArgument);
            var outcomes = new BatchOutcome<T>[items.Count];
            using (var gate = new SemaphoreSlim(throttle))
            {
                var tasks = items.Select((item, i) => Task.Run(async () =>
                {
                    await gate.WaitAsync(ct).ConfigureAwait(false);
                    try { outcomes[i] = await OneAsync(target, targetId, add, item, ct).ConfigureAwait(false); }
                    finally { gate.Release(); }
                }, ct)).ToArray();
                try { Task.WaitAll(tasks, ct); }
                catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException)) { throw new OperationCanceledException(ct); }
            }
            return outcomes;
        }

        async Task<BatchOutcome<T>> OneAsync<T>(MauticResource target, long targetId, bool add, WriteItem<T> item, CancellationToken ct)
        {
            try
            {
                EntityService.CheckId("contact", item.Id);
                var path = target.Route + "/" + targetId.ToString(CultureInfo.InvariantCulture) + "/contact/" +
                           item.Id.Value.ToString(CultureInfo.InvariantCulture) + (add ? "/add" : "/remove");
                await _client.SendAsync(MauticRequest.Post(path), ct).ConfigureAwait(false);
                return BatchOutcome<T>.Success(item.Input, Membership(target, targetId, item.Id.Value, add), 200);
            }
            catch (MauticApiException e)
            {
                return BatchOutcome<T>.Failure(item.Input, e);
            }
        }
    }
}
