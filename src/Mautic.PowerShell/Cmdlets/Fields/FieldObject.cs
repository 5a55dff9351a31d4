namespace Mautic.PowerShell.Cmdlets.Fields
{
    /// <summary>The object a custom field belongs to: the -Object of the *-MauticField cmdlets.</summary>
    public enum MauticFieldObject
    {
        Contact,
        Company,
    }

    static class FieldObjects
    {
        /// <summary>The table row of the object's field routes (fields/contact, fields/company).</summary>
        public static MauticResource Area(MauticFieldObject o) =>
            o == MauticFieldObject.Company ? MauticResources.CompanyFields : MauticResources.ContactFields;

        /// <summary>Mautic's name of the object in a field record's "object" (contacts are "lead").</summary>
        public static string MauticName(MauticFieldObject o) => o == MauticFieldObject.Company ? "company" : "lead";

    }
}
