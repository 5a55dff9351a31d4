namespace Mautic.PowerShell.Cmdlets.Reports
{
    /// <summary>What New- and Set-MauticReport's named parameters send.</summary>
    static class ReportFields
    {
        public static IEnumerable<KeyValuePair<string, object>> Of(string source, string[] column, Hashtable[] filter, Hashtable[] tableOrder, string[] groupBy)
        {
            if (source != null) yield return new KeyValuePair<string, object>("source", source);
            if (column != null) yield return new KeyValuePair<string, object>("columns", column);
            if (filter != null) yield return new KeyValuePair<string, object>("filters", filter);
            if (tableOrder != null) yield return new KeyValuePair<string, object>("tableOrder", tableOrder);
            if (groupBy != null) yield return new KeyValuePair<string, object>("groupBy", groupBy);
        }
    }
}
