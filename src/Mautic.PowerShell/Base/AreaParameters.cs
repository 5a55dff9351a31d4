using System.Threading;

namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// One area's own parameters for its New- and Set- cmdlets, declared once: the build (src/Mautic.Generators) gives
    /// both cmdlets a static parameter for each [Parameter] property, which reads and writes the cmdlet's instance
    /// (see <see cref="NewEntityCmdlet{T}"/>), and the area turns the ones given into field values. A parameter that
    /// only New- has, or has at a position, is a (<c>new</c>) property of a subclass (New&lt;Area&gt;Parameters).
    /// </summary>
    public abstract class AreaParameters
    {
        /// <summary>The payload's named fields: <paramref name="named"/> (-Name, -Description) and the area's given parameters.</summary>
        internal abstract IEnumerable<KeyValuePair<string, object>> Fields(IEnumerable<KeyValuePair<string, object>> named, EntityWriteCmdlet cmdlet);

        /// <summary>
        /// What is wrong with the parameters as given, before any payload is built (null: nothing); the error carries
        /// <paramref name="offending"/>, the value at fault.
        /// </summary>
        internal virtual string Problem(out object offending) { offending = null; return null; }

        /// <summary>The area's check of a built payload (null: it may be sent); see <see cref="EntityWriteCmdlet"/>.</summary>
        internal virtual string Check(MauticPayload payload, MauticConnection connection, CancellationToken cancel) => null;

        /// <summary>A switch's value when it was given (-X or -X:$false), else null: a switch left out sends nothing.</summary>
        protected static object IfGiven(EntityWriteCmdlet cmdlet, string name, SwitchParameter value) =>
            cmdlet.MyInvocation.BoundParameters.ContainsKey(name) ? value.IsPresent : (object)null;

        /// <summary>The given (non-null) values as fields, in order.</summary>
        protected static IEnumerable<KeyValuePair<string, object>> Given(params (string Field, object Value)[] fields) =>
            fields.Where(f => f.Value != null).Select(f => new KeyValuePair<string, object>(f.Field, f.Value));
    }
}
