#requires -Version 7.0
# Every help example, as users read it: each cmdlet's examples taken from the BUILT help (out/Mautic/en-US/
# Mautic.dll-Help.xml, made from docs/<cmdlet>.md), and the PowerShell blocks of the about topics and of the
# Azure Automation guide (docs/*.md), each run through PSScriptAnalyzer and through a parameter check.
#
# The rule set, decided here:
# - every built-in PSScriptAnalyzer rule, at every severity (Error, Warning, Information);
# - plus PSUseCompatibleSyntax for Windows PowerShell 5.1 and PowerShell 7.0, since every example must run on both;
# - no exclusions. Rules about function definitions (ShouldProcess, plain-text password parameters, approved verbs)
#   stay on: an example that defines a function is held to them like the module's own code. Variables an example
#   uses without assigning ($client, $savedToken) are fine under these rules and stay allowed.
# The parameter check: every call of a Mautic cmdlet names only parameters (or aliases) that cmdlet has, in full.

BeforeDiscovery {
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $ns = @{ command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'; dev = 'http://schemas.microsoft.com/maml/dev/2004/10' }
    $script:Pages = @(
        foreach ($c in Select-Xml -Path (Join-Path $root 'out/Mautic/en-US/Mautic.dll-Help.xml') -XPath '//command:command' -Namespace $ns) {
            @{
                Name     = (Select-Xml -Xml $c.Node -XPath 'command:details/command:name' -Namespace $ns).Node.InnerText
                Examples = @(Select-Xml -Xml $c.Node -XPath 'command:examples/command:example/dev:code' -Namespace $ns | ForEach-Object { $_.Node.InnerText })
                Minimum  = 2
                Together = $false
            }
        }
        foreach ($md in Get-ChildItem (Join-Path $root 'docs') -Filter '*.md' | Where-Object { $_.Name -like 'about_*' -or $_.Name -eq 'azure-automation.md' }) {
            $blocks = [regex]::Matches((Get-Content -Raw $md.FullName), '(?ms)^```powershell[^\n]*\n(.*?)^```')
            @{ Name = "docs/$($md.Name)"; Examples = @($blocks | ForEach-Object { $_.Groups[1].Value }); Minimum = 1; Together = $true }
        }
    )
}

BeforeAll {
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $Root 'out/Mautic/Mautic.psd1') -Force
    $script:HaveAnalyzer = [bool](Get-Module -ListAvailable PSScriptAnalyzer)
    $script:Settings = @{
        Severity     = @('Error', 'Warning', 'Information')
        ExcludeRules = @()
        Rules        = @{ PSUseCompatibleSyntax = @{ Enable = $true; TargetVersions = @('5.1', '7.0') } }
    }

    # "example N, line L: Rule: message" for every finding in one page's examples. A cmdlet's examples stand alone;
    # the blocks of a docs page (-Together) are read as one script, as they run in one session (a variable the first
    # block sets is used by a later one), and each finding is reported at its block and line.
    function script:Get-ExampleFinding([string[]] $Examples, [switch] $Together) {
        $scripts = @(if ($Together) { $Examples -join "`n" } else { $Examples })
        $starts = [System.Collections.Generic.List[int]]::new()
        $line = 1
        foreach ($e in $Examples) { $starts.Add($line); $line += ($e -split "`n").Count }   # a block ends in "`n"; -join's "`n" adds an empty line
        for ($s = 0; $s -lt $scripts.Count; $s++) {
            foreach ($f in Invoke-ScriptAnalyzer -ScriptDefinition $scripts[$s] -Settings $Settings) {
                $n = $s; $at = $f.Line
                if ($Together) {
                    $n = 0
                    while ($n + 1 -lt $starts.Count -and $starts[$n + 1] -le $f.Line) { $n++ }
                    $at = $f.Line - $starts[$n] + 1
                }
                "example $($n + 1), line $($at): $($f.RuleName): $($f.Message)"
            }
        }
    }

    # "example N: ..." for every parse error, and every Mautic cmdlet call naming a parameter the cmdlet lacks.
    function script:Get-ParameterProblem([string[]] $Examples) {
        for ($i = 0; $i -lt $Examples.Count; $i++) {
            $tokens = $null; $errors = $null
            $ast = [System.Management.Automation.Language.Parser]::ParseInput($Examples[$i], [ref]$tokens, [ref]$errors)
            foreach ($e in $errors) { "example $($i + 1): does not parse: $($e.Message)" }
            foreach ($call in $ast.FindAll({ param($n) $n -is [System.Management.Automation.Language.CommandAst] }, $true)) {
                $name = $call.GetCommandName()
                if ($name -notmatch '^[A-Za-z]+-Mautic') { continue }
                $command = Get-Command $name -Module Mautic -ErrorAction SilentlyContinue
                if (-not $command) { "example $($i + 1): $name is not a cmdlet of the module"; continue }
                $known = @($command.Parameters.Values | ForEach-Object { $_.Name; $_.Aliases })
                foreach ($p in $call.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] }) {
                    if ($known -notcontains $p.ParameterName) { "example $($i + 1): $name has no parameter -$($p.ParameterName)" }
                }
            }
        }
    }
}

AfterAll { Remove-Module Mautic -ErrorAction SilentlyContinue }

Describe 'The checks themselves' {
    It 'PSScriptAnalyzer with these settings flags an alias and 7-only syntax' {
        if (-not $HaveAnalyzer) { Set-ItResult -Skipped -Because 'PSScriptAnalyzer is not installed'; return }
        $found = @(Get-ExampleFinding @('Get-MauticContact | % { $_ }', '$x = $null; $x ?? 1'))
        ($found -join "`n") | Should -Match 'example 1, line 1: PSAvoidUsingCmdletAliases'
        ($found -join "`n") | Should -Match 'example 2, line 1: PSUseCompatibleSyntax'
        # Read together, a finding is still reported at its own block and line.
        $together = @(Get-ExampleFinding @("`$a = 1`n", "Write-Output `$a`n", "Write-Output 1`ngci`n") -Together)
        $together.Count | Should -Be 1   # $a, set in block 1 and used in block 2, is not a finding
        $together[0] | Should -Match "^example 3, line 2: PSAvoidUsingCmdletAliases: 'gci'"
    }

    It 'the parameter check flags an unknown parameter and a cmdlet that does not exist, and accepts aliases' {
        $found = @(Get-ParameterProblem @('Get-MauticContact -NoSuchThing 1', 'Get-MauticNoSuchNoun', 'Connect-Mautic -Url https://m.example.com -Credential $c -ErrorAction Stop'))
        $found | Should -Be @('example 1: Get-MauticContact has no parameter -NoSuchThing', 'example 2: Get-MauticNoSuchNoun is not a cmdlet of the module')
    }
}

Describe 'The examples of <Name>' -ForEach $Pages {
    It 'are there' {
        $Examples.Count | Should -BeGreaterOrEqual $Minimum
    }

    It 'are clean under PSScriptAnalyzer' {
        if (-not $HaveAnalyzer) { Set-ItResult -Skipped -Because 'PSScriptAnalyzer is not installed'; return }
        (Get-ExampleFinding $Examples -Together:$Together) -join "`n" | Should -BeNullOrEmpty
    }

    It 'parse and name only parameters the cmdlets have' {
        (Get-ParameterProblem $Examples) -join "`n" | Should -BeNullOrEmpty
    }
}
