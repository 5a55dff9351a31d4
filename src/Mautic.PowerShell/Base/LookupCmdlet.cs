namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// A Mautic lookup list for pickers (roles a user can get, users who can own contacts): a bare array Mautic
    /// filters by text (-Filter) and caps (-Limit). A cmdlet only says which list it reads.
    /// </summary>
    public abstract class LookupCmdlet : MauticCmdlet
    {
        /// <summary>Text the names must contain (Mautic's filter parameter).</summary>
        [Parameter(Position = 0)]
        public string Filter { get; set; }

        /// <summary>At most this many rows.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int? Limit { get; set; }

        protected abstract IEnumerable<MauticRecord> Read();

        protected override void Process()
        {
            foreach (var r in Read()) WriteRecord(r);
        }
    }
}

namespace Mautic.PowerShell.Base
{
    /// <summary>A Mautic list of kinds (type =&gt; label), one record {type, label} each. A cmdlet names the route, key and type name.</summary>
    public abstract class TypeListCmdlet : MauticCmdlet
    {
        protected abstract string Path { get; }
        protected abstract string Key { get; }
        protected abstract string TypeName { get; }

        protected override void Process()
        {
            foreach (var r in Conn.Users.Types(Path, Key, TypeName, CancellationToken)) WriteRecord(r);
        }
    }
}
