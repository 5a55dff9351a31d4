namespace MauticPS.InProcess;

public static partial class CmdletCases
{
    /// <summary>Forms beyond the generic area rows (those come from EntityAreaTests.Areas).</summary>
    static readonly Case[] Forms =
    [
        new("Remove-MauticFormField",
            "$f = New-MauticForm -Name ff -Field @{ label = 'A'; type = 'text' }, @{ label = 'B'; type = 'text' }; Remove-MauticFormField -FormId $f.id -FieldId $f.fields[0].id -Force -PassThru",
            "Remove-MauticFormField -FormId 987654 -FieldId 1 -Force"),
        new("Remove-MauticFormAction",
            "$f = New-MauticForm -Name fa -Action @{ name = 'P'; type = 'lead.pointschange'; properties = @{ operator = 'plus'; points = 1 } }; Remove-MauticFormAction -FormId $f.id -ActionId $f.actions[0].id -Force -PassThru",
            "Remove-MauticFormAction -FormId 987654 -ActionId 1 -Force"),
        new("Get-MauticFormSubmission", "New-MauticForm -Name fs | Get-MauticFormSubmission", "Get-MauticFormSubmission -FormId 987654"),
    ];
}
