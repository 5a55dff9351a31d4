namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// Reads the contacts of a segment, company or stage (Mautic has no route for it; see
    /// <see cref="MembershipService.Members"/>): targets by id, name or piped record (<see cref="MauticRecordRef"/>), each
    /// listing streamed and paged on its own (-First/-Skip/-IncludeTotalCount, -PageSize, -Search, -Where, -OrderBy). A
    /// target that cannot be resolved or read is one error carrying what was given, and the others go on. A cmdlet names
    /// its <see cref="Target"/> area and declares the target's parameter.
    /// </summary>
    public abstract class MemberListCmdlet : MauticPagedCmdlet
    {
        /// <summary>Only the members this Mautic search expression also matches, e.g. 'email:*@example.com'.</summary>
        [Parameter(ParameterSetName = ListSet)]
        public string Search { get; set; }

        protected abstract MauticResource Target { get; }
        /// <summary>The target parameter as bound (-Segment): ids, names or records.</summary>
        protected abstract MauticRecordRef[] Targets { get; }

        protected override void Process()
        {
            foreach (var target in Targets)
            {
                long id;
                try { id = Resolve(target, Target); }
                catch (MauticApiException e) { WriteItemError(e, target.Given); continue; }
                try
                {
                    WriteStream(total =>
                    {
                        var q = BuildPagedQuery();
                        q.Search = Search;
                        return Conn.Memberships.Members(Target, id, q, CancellationToken, total);
                    }, $"Reading the contacts of Mautic {Target.Noun} {id}");
                }
                catch (MauticApiException e) { WriteItemError(e, target.Given); }
            }
        }
    }
}
