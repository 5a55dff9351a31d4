namespace Mautic.PowerShell.Cmdlets.Projects
{
    /// <summary>
    /// The one place that turns a -Project value into a project id: a positive number (or its text), a project record
    /// (Get-MauticProject, also deserialized), or a name (exact, case-insensitive; looked up in the v2 list). A general
    /// record-reference parameter type is meant to replace this class.
    /// </summary>
    internal static class ProjectReference
    {
        public static long ToId(MauticConnection connection, object value, System.Threading.CancellationToken ct)
        {
            var input = value is PSObject pso ? pso : value == null ? null : PSObject.AsPSObject(value);
            var kind = PSConvert.MauticKind(input);
            if (kind != null)
            {
                if (kind != ProjectService.TypeName)
                    throw new MauticApiException($"-Project takes a project id, name or record, but a {kind} was given.", MauticErrorKind.InvalidArgument);
                var id = input.Properties["id"]?.Value;
                return ToId(connection, id, ct);
            }
            var plain = input?.BaseObject;
            switch (plain)
            {
                case null:
                    throw new MauticApiException("-Project is empty: give a project id, name or record.", MauticErrorKind.InvalidArgument);
                case int i: return Positive(i);
                case long l: return Positive(l);
                case string s when long.TryParse(s.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n):
                    return Positive(n);
                case string s:
                    return connection.Projects.FindIdByName(s, ct);
                default:
                    if (plain.GetType().IsPrimitive || plain is decimal)
                        return Positive(System.Convert.ToInt64(plain, System.Globalization.CultureInfo.InvariantCulture));
                    throw new MauticApiException($"-Project takes a project id, name or record, not a {plain.GetType().Name} ('{plain}').", MauticErrorKind.InvalidArgument);
            }
        }

        static long Positive(long id)
        {
            if (id <= 0) throw new MauticApiException($"Project id {id} is not valid: ids are positive whole numbers.", MauticErrorKind.InvalidArgument);
            return id;
        }
    }
}
