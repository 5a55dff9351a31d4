namespace MauticPS.InProcess;

public static partial class CmdletCases
{
    const string UserPassword = "$pw = [System.Net.NetworkCredential]::new('', 'Us3r-Secret!pw').SecurePassword; ";

    static readonly Case[] UsersPoints =
    [
        new("Get-MauticUser", "Get-MauticUser -IncludeTotalCount; Get-MauticUser -Id 1; Get-MauticUser -Self", "Get-MauticUser -Id 987654"),
        new("New-MauticUser", UserPassword + "New-MauticUser -UserName cu1 -Email cu1@example.com -FirstName C -LastName U -RoleId 1 -Password $pw",
            UserPassword + "New-MauticUser -UserName cu2 -Email bad-address -FirstName C -LastName U -RoleId 1 -Password $pw; New-MauticUser -UserName cu3 -Email cu3@example.com -FirstName C -LastName U -Password $pw"),
        new("Set-MauticUser", "Set-MauticUser -Id 1 -FirstName Ada -PassThru", "Set-MauticUser -Id 987654 -FirstName X; Set-MauticUser -Id 1 -Email bad-address"),
        new("Remove-MauticUser", UserPassword + "New-MauticUser -UserName ru1 -Email ru1@example.com -FirstName R -LastName U -RoleId 1 -Password $pw | Remove-MauticUser -Force -PassThru", "Remove-MauticUser -Id 987654 -Force"),
        new("Get-MauticUserRole", "Get-MauticUserRole; Get-MauticUserRole -Filter Admin -Limit 1", "Get-MauticUserRole -Limit 0"),
        new("Get-MauticContactOwner", "Get-MauticContactOwner; Get-MauticContactOwner -Filter Adm", "Get-MauticContactOwner -Limit 0"),
        new("Test-MauticUserPermission", "Test-MauticUserPermission -Id 1 -Permission lead:leads:viewown, email:emails:create", "Test-MauticUserPermission -Id 987654 -Permission lead:leads:viewown; Test-MauticUserPermission -Id 1 -Permission 'not-a-permission'"),
        new("Get-MauticPointActionType", "Get-MauticPointActionType", "Disconnect-Mautic; Get-MauticPointActionType"),
        new("Get-MauticPointTriggerEventType", "Get-MauticPointTriggerEventType", "Disconnect-Mautic; Get-MauticPointTriggerEventType"),
        new("Remove-MauticPointTriggerEvent",
            "$t = New-MauticPointTrigger -Name 'ev' -Property @{ points = 5; triggerExistingLeads = $false; events = @(@{ name = 'e'; type = 'lead.changetags'; order = 1; properties = @{ add_tags = @() } }) }; Remove-MauticPointTriggerEvent -TriggerId $t.id -EventId $t.events[0].id -Force -PassThru",
            "Remove-MauticPointTriggerEvent -TriggerId 987654 -EventId 1 -Force"),
    ];
}
