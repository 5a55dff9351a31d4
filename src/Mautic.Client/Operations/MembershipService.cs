using System.Threading.Tasks;
using Mautic.Client.Batching;

namespace Mautic.Client.Operations
{
    /// <summary>
    /// Membership changes Mautic has no batch route for (a contact into or out of a company, a stage, a segment):
    /// one POST {route}/{targetId}/contact/{contactId}/{add|remove} per contact, several at a time but never more
    /// than the throttle, outcomes in input order, each failure carrying its input.
    /// </summary>
    public sealed class MembershipService : ClientService
    {
        public const int DefaultThrottle = 4;

        public MembershipService(MauticClient client) : base(client) { }

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
            return Each(items, throttle, async (item, c) =>
            {
                EntityService.CheckId("contact", item.Id);
                var path = target.Route + "/" + targetId.ToString(CultureInfo.InvariantCulture) + "/contact/" +
                           item.Id.Value.ToString(CultureInfo.InvariantCulture) + (add ? "/add" : "/remove");
                await Client.SendAsync(MauticRequest.Post(path), c).ConfigureAwait(false);
                return Membership(target, targetId, item.Id.Value, add);
            }, ct);
        }

        /// <summary>
        /// Runs <paramref name="one"/> for every item, never more than <paramref name="throttle"/> at once; outcomes come
        /// back in input order, a <see cref="MauticApiException"/> becoming that item's failure.
        /// </summary>
        public static IEnumerable<BatchOutcome<T>> Each<T>(IReadOnlyList<WriteItem<T>> items, int throttle,
            Func<WriteItem<T>, CancellationToken, Task<MauticRecord>> one, CancellationToken ct = default)
        {
            if (throttle < 1) throw new MauticApiException($"The throttle limit must be 1 or more, not {throttle}.", MauticErrorKind.InvalidArgument);
            var outcomes = new BatchOutcome<T>[items.Count];
            using (var gate = new SemaphoreSlim(throttle))
            {
                var tasks = items.Select((item, i) => Task.Run(async () =>
                {
                    await gate.WaitAsync(ct).ConfigureAwait(false);
                    try { outcomes[i] = BatchOutcome<T>.Success(item.Input, await one(item, ct).ConfigureAwait(false), 200); }
                    catch (MauticApiException e) { outcomes[i] = BatchOutcome<T>.Failure(item.Input, e); }
                    finally { gate.Release(); }
                }, ct)).ToArray();
                try { Task.WaitAll(tasks, ct); }
                catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException)) { throw new OperationCanceledException(ct); }
            }
            return outcomes;
        }
    }
}
