using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace Mautic.Module.Tests;

/// <summary>
/// Every parameter that names a record (its name, or an alias, ends in Id, Ids or Name) completes with the tab key,
/// or is on <see cref="NotCompleted"/> with the reason.
/// </summary>
public class CompleterCoverageTests : IClassFixture<ModuleFixture>
{
    const string CompleterAttribute = "System.Management.Automation.ArgumentCompleterAttribute";
    const string AreaCmdlet = "Mautic.PowerShell.Base.IAreaCmdlet";
    const string AreaRecordCompleter = "Mautic.PowerShell.Base.AreaRecordCompleter";

    readonly ModuleFixture _m;
    public CompleterCoverageTests(ModuleFixture m) => _m = m;

    static readonly string[] FreeText = { "FirstName", "LastName", "FromName", "UserName", "EventName", "ActionName", "SlotName", "DeviceOsName", "DeviceOsShortName" };

    /// <summary>Why a parameter that ends in Id/Name has no completer; null when it must have one.</summary>
    static string? NotCompleted(string verb, string cmdlet, string parameter, string[] aliases) => (cmdlet, parameter) switch
    {
        _ when parameter == "ContactId" || aliases.Contains("ContactId") =>
            "a contact: a Mautic holds too many contacts for a list to help (about_Mautic says so)",
        _ when parameter == "Name" && verb is "New" or "Set" or "Add" => "the name the record is given: free text",
        _ when FreeText.Contains(parameter) => "a value the record is given (a person's or device's name, a label): free text",
        ("Remove-MauticFormAction", "ActionId") or ("Remove-MauticFormField", "FieldId") or ("Remove-MauticPointTriggerEvent", "EventId")
            or ("Get-MauticFormSubmission", "SubmissionId") or ("Remove-MauticContactUtm", "UtmId") or ("Set-MauticCampaignContactEvent", "EventId")
            or ("Set-MauticContactCategory", "Id") =>
            "an item inside another record (a form's field, a contact's UTM entry): its ids depend on that record, and the records' own parameter completes",
        ("Add-MauticContactDoNotContact", "ChannelId") => "the id of an e-mail or text message depending on -Channel",
        (_, "File") => "a local file path: PowerShell completes paths",
        ("New-MauticCompany", "UniqueName") => "a switch (company names are unique): it takes no value",
        ("Get-MauticTheme" or "Remove-MauticTheme" or "Save-MauticTheme" or "Get-MauticFile" or "Remove-MauticFile", "Name") =>
            "a theme or file name: not a record with an id; Get-MauticTheme and Get-MauticFile list them",
        ("Get-MauticStatTable", "Name") or ("Get-MauticStat", "Table") => "a statistics table name: not a record; Get-MauticStatTable lists them",
        _ => null,
    };

    static bool NamesARecord(string name) => Regex.IsMatch(name, "(Id|Ids|Name)$");

    [Fact]
    public void Every_parameter_that_names_a_record_has_a_completer_or_a_reason()
    {
        var missing = new List<string>();
        var needless = new List<string>();
        var checkedCount = 0;
        foreach (var c in _m.Cmdlets)
            foreach (var p in ModuleFixture.Bindable(c.Type).Where(IsParameter))
            {
                var aliases = Aliases(p);
                if (!NamesARecord(p.Name) && !aliases.Any(NamesARecord)) continue;
                checkedCount++;
                var completer = Completer(p);
                var reason = NotCompleted(c.Verb, c.Name, p.Name, aliases);
                if (completer == null && reason == null) missing.Add($"{c.Name} -{p.Name}");
                if (completer != null && reason != null && completer.FullName != AreaRecordCompleter) needless.Add($"{c.Name} -{p.Name} ({reason})");
            }
        Assert.True(checkedCount > 200, $"only {checkedCount} parameters seen");
        Assert.True(missing.Count == 0, "No completer and no reason: " + string.Join(", ", missing));
        Assert.True(needless.Count == 0, "On the exclusion list but completed: " + string.Join(", ", needless));
    }

    [Fact]
    public void The_area_completer_is_only_on_cmdlets_that_know_their_area_and_on_every_generic_id()
    {
        var onArea = _m.Cmdlets.SelectMany(c => ModuleFixture.Bindable(c.Type).Where(IsParameter).Select(p => (c, p)))
            .Where(x => Completer(x.p)?.FullName == AreaRecordCompleter).ToList();
        Assert.NotEmpty(onArea);
        Assert.All(onArea, x => Assert.True(x.c.Type.GetInterfaces().Any(i => i.FullName == AreaCmdlet), $"{x.c.Name} -{x.p.Name}: the cmdlet does not name its area"));
        // Every Get-, Set- and Remove- of an area of the resource table completes its -Id from that area.
        var generic = _m.Cmdlets.Where(c => c.Type.GetInterfaces().Any(i => i.FullName == AreaCmdlet) && c.Verb is "Get" or "Set" or "Remove")
            .Select(c => (c, p: ModuleFixture.Bindable(c.Type).FirstOrDefault(p => p.Name == "Id"))).Where(x => x.p != null).ToList();
        Assert.True(generic.Count >= 70, $"only {generic.Count} generic -Id parameters");
        Assert.All(generic, x => Assert.Equal(AreaRecordCompleter, Completer(x.p!)?.FullName));
    }

    static bool IsParameter(PropertyInfo p) => p.GetCustomAttributesData().Any(a => a.AttributeType.FullName == "System.Management.Automation.ParameterAttribute");

    static string[] Aliases(PropertyInfo p) => p.GetCustomAttributesData().Where(x => x.AttributeType.FullName == "System.Management.Automation.AliasAttribute")
        .SelectMany(x => ((IEnumerable<CustomAttributeTypedArgument>)x.ConstructorArguments[0].Value!).Select(v => (string)v.Value!)).ToArray();

    static Type? Completer(PropertyInfo p) => p.GetCustomAttributesData().Where(a => a.AttributeType.FullName == CompleterAttribute)
        .Select(a => a.ConstructorArguments[0].Value as Type).FirstOrDefault();
}
