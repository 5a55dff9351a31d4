#requires -Version 7.0
<#
    Users, their lookups and permission check, and the point extras (action/event types, trigger event removal),
    against the fake Mautic and a real one: run as a Pester container with Data @{ Target = 'Fake' } or
    @{ Target = 'Live' } (tests/Live/Invoke-LiveSuite.ps1 does both). Everything is created under a run id (user
    names, e-mails, role and trigger names) and removed at the end.
#>
param(
    [ValidateSet('Fake', 'Fake7', 'Live', 'Live7')]
    [string] $Target = 'Fake'
)

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
    $script:SkipReason = Get-LiveSkipReason $Target
    if ($SkipReason) { Write-Warning "Live suite SKIPPED, the users and points scenarios did not run against a real Mautic: $SkipReason." }
}

Describe 'Mautic users and point extras on the <Target> server' -ForEach @{ Target = $Target } -Skip:([bool]$SkipReason) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'ScenarioTarget.ps1')
        $script:T = Enter-ScenarioRun -Target $Target -Prefix 'u'
        $script:Run = $T.Run
        $script:Secret = 'Sc3n-' + [guid]::NewGuid().ToString('N').Substring(0, 8) + '!X'
        $script:Pw = [System.Net.NetworkCredential]::new('', $Secret).SecurePassword
        $script:UserIds = @()
        $script:Role = $null
        $script:Trigger = $null
    }

    AfterAll {
        Exit-ScenarioRun $T {
            $left = @(Get-MauticUser -Search $Run -ErrorAction Stop) | Where-Object { $_.username -like "$Run*" }
            if ($left) { $left | Remove-MauticUser -Force -ErrorAction Stop }
            if ($Role) { Remove-MauticRole -Id $Role.id -Force -ErrorAction SilentlyContinue }
            if ($Trigger) { Remove-MauticPointTrigger -Id $Trigger.id -Force -ErrorAction SilentlyContinue }
        }
    }

    It 'reads the connected user with -Self' {
        $basic = Connect-Mautic $T.BaseUrl -Credential $T.Credential -PassThru
        $me = Get-MauticUser -Self -Connection $basic
        $me.PSObject.TypeNames[0] | Should -Be 'Mautic.User'
        $me.username | Should -Be $T.Credential.UserName
        $me.role.name | Should -Not -BeNullOrEmpty
        $me.PSObject.Properties.Name | Should -Not -Contain 'password'
    }

    It 'lists the roles a user can get and the users who can own contacts' {
        $roles = @(Get-MauticUserRole)
        $roles[0].PSObject.TypeNames[0] | Should -Be 'Mautic.UserRole'
        $roles.name | Should -Contain 'Administrator'
        @(Get-MauticUserRole -Filter 'Administ' -Limit 1).Count | Should -Be 1
        $owners = @(Get-MauticContactOwner)
        $owners[0].PSObject.TypeNames[0] | Should -Be 'Mautic.ContactOwner'
        $owners[0].firstName | Should -Not -BeNullOrEmpty
    }

    It 'creates users with a password that appears nowhere, and refuses a duplicate' {
        $admin = (Get-MauticUserRole -Filter 'Administrator' | Select-Object -First 1).id
        $out = New-MauticUser -UserName "$Run-a" -Email "$Run-a@example.com" -FirstName Ann -LastName Run -RoleId $admin -Password $Pw -Description 'Tester' -Verbose -Debug 4>&1 5>&1
        $user = $out | Where-Object { $_ -is [psobject] -and $_.PSObject.TypeNames[0] -eq 'Mautic.User' }
        ($out | Out-String) | Should -Not -Match ([regex]::Escape($Secret))
        $user.username | Should -Be "$Run-a"
        $user.position | Should -Be 'Tester'
        $user.role.id | Should -Be $admin
        $script:UserIds += $user.id
        $rows = 'b', 'c' | ForEach-Object { [pscustomobject]@{ username = "$Run-$_"; email = "$Run-$_@example.com"; firstName = 'Row'; lastName = $_; role = $admin } }
        $made = @($rows | New-MauticUser -Password $Pw)
        $made.Count | Should -Be 2
        $script:UserIds += $made.id
        $dup = New-MauticUser -UserName "$Run-a" -Email "$Run-z@example.com" -FirstName A -LastName B -RoleId $admin -Password $Pw -ErrorAction SilentlyContinue -ErrorVariable err
        $dup | Should -BeNullOrEmpty
        $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $err[0].ToString() | Should -Match 'Username is already in use'
        ($err | Out-String) + ($err.TargetObject | Out-String) | Should -Not -Match ([regex]::Escape($Secret))
    }

    It 'edits with PATCH (a new username is ignored) and PUT (keeps username and role)' {
        $id = $UserIds[0]
        $p = Set-MauticUser -Id $id -FirstName Anna -Property @{ username = "$Run-renamed" } -PassThru
        $p.firstName | Should -Be 'Anna'
        $p.username | Should -Be "$Run-a"
        $put = Set-MauticUser -Id $id -FirstName Put -LastName P -Email "$Run-a@example.com" -Replace -PassThru
        $put.username | Should -Be "$Run-a"
        $put.position | Should -BeNullOrEmpty
        $put.isPublished | Should -BeFalse
        $put.role | Should -Not -BeNullOrEmpty
        (Get-MauticUser -Id $id).firstName | Should -Be 'Put'
    }

    It 'checks permissions, one object per user and permission' {
        $script:Role = New-MauticRole -Name "$Run-viewer" -Property @{ isAdmin = $false; rawPermissions = @{ 'lead:leads' = @('viewown') } }
        $u = New-MauticUser -UserName "$Run-v" -Email "$Run-v@example.com" -FirstName V -LastName W -RoleId $Role.id -Password $Pw
        $script:UserIds += $u.id
        $r = @($u | Test-MauticUserPermission -Permission lead:leads:viewown, lead:leads:viewother, lead:leads:view)
        $r.Permission | Should -Be @('lead:leads:viewown', 'lead:leads:viewother', 'lead:leads:view')
        $r.Granted | Should -Be @($true, $false, $true)
        $r[0].UserId | Should -Be $u.id
        Test-MauticUserPermission -Id $u.id -Permission 'bogus:x:y' -ErrorAction SilentlyContinue -ErrorVariable e1
        $e1[0].Exception.Message | Should -Match 'bundle'
        Test-MauticUserPermission -Id 987654321 -Permission lead:leads:view -ErrorAction SilentlyContinue -ErrorVariable e2
        $e2[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'deletes users one and many, and reports a missing id' {
        $gone = @($UserIds | Remove-MauticUser -Force -PassThru)
        $gone.Count | Should -Be $UserIds.Count
        Remove-MauticUser -Id 987654321 -Force -ErrorAction SilentlyContinue -ErrorVariable e
        $e[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        @(Get-MauticUser -Search $Run | Where-Object { $_.username -like "$Run*" }).Count | Should -Be 0
        $script:UserIds = @()
    }

    It 'lists point action and trigger event types' {
        $a = @(Get-MauticPointActionType)
        $a.type | Should -Contain 'url.hit'
        $a[0].PSObject.TypeNames[0] | Should -Be 'Mautic.PointActionType'
        $e = @(Get-MauticPointTriggerEventType)
        $e.type | Should -Contain 'lead.changelists'
        ($e | Where-Object type -eq 'email.send').label | Should -Be 'Send an email'
    }

    It 'keeps trigger events, and says that Mautic 5.1 does not save an event removal' {
        $events = @(
            @{ name = 'e1'; type = 'lead.changelists'; order = 1; properties = @{ addToLists = @(); removeFromLists = @() } },
            @{ name = 'e2'; type = 'lead.changelists'; order = 2; properties = @{ addToLists = @(); removeFromLists = @() } })
        $script:Trigger = New-MauticPointTrigger -Name "$Run-trigger" -Property @{ points = 5; triggerExistingLeads = $false; events = $events }
        $ids = @($Trigger.events.id)
        $ids.Count | Should -Be 2
        (Get-MauticPointTrigger -Id $Trigger.id).events.name | Should -Be @('e1', 'e2')
        $after = Remove-MauticPointTriggerEvent -TriggerId $Trigger.id -EventId $ids[1], 987654321 -Force -PassThru -ErrorAction SilentlyContinue -ErrorVariable errs
        ($errs | Where-Object TargetObject -eq 987654321).CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $unsaved = $errs | Where-Object TargetObject -eq $ids[1]
        $unsaved.CategoryInfo.Category | Should -Be 'InvalidResult'
        @($after.events).Count | Should -Be 2
    }
}
