namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// The default connection lives in a global variable of the current runspace, not in a static: Azure
    /// Automation runs several jobs (runspaces) in one process, and each must keep its own.
    /// </summary>
    internal static class MauticSession
    {
        internal const string VariableName = "global:MauticConnection";

        internal static MauticConnection Get(SessionState state) =>
            state.PSVariable.GetValue(VariableName) is object v ? (v is PSObject p ? p.BaseObject : v) as MauticConnection : null;

        internal static void Set(SessionState state, MauticConnection connection) => state.PSVariable.Set(VariableName, connection);

        // Set to $null rather than removed: Get/Set are the paths known to resolve the global: qualifier.
        internal static void Clear(SessionState state) => state.PSVariable.Set(VariableName, null);
    }
}
