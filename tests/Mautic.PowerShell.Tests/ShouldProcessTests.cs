using System.Management.Automation;

namespace MauticPS.InProcess;

/// <summary>-WhatIf sends nothing that changes data; -Confirm:$false and -Force never prompt; no prompt hangs.</summary>
public sealed class ShouldProcessTests : PsTest
{
    public ShouldProcessTests()
    {
        Ps.Seed(3);
        lock (State.Sync) State.Segments[1].Members.Add(1);
        Ps.Connect();
    }

    /// <summary>Every cmdlet that changes data, with input that would change it; {0} marks where the switch goes.</summary>
    public static TheoryData<string, string> Mutating => new()
    {
        { "New-MauticContact", "'w1@example.com', 'w2@example.com' | New-MauticContact {0}" },
        { "Set-MauticContact", "Get-MauticContact | Set-MauticContact -FirstName X {0}" },
        { "Remove-MauticContact", "Get-MauticContact | Remove-MauticContact {0}" },
        { "Add-MauticSegmentMember", "1, 2 | Add-MauticSegmentMember -SegmentId 2 {0}" },
        { "Remove-MauticSegmentMember", "Remove-MauticSegmentMember -SegmentId 1 -ContactId 1 {0}" },
        { "Sync-MauticSegmentMember", "2, 3 | Sync-MauticSegmentMember -Segment 1 -Exact {0}" },
        { "Send-MauticEmail", "1, 2 | Send-MauticEmail -EmailId 2 {0}; Send-MauticEmail -EmailId 1 -Segment {0}" },
        { "Invoke-MauticRequest", "Invoke-MauticRequest -Method DELETE contacts/1/delete {0}" },
        { "New-MauticUser", "New-MauticUser -UserName w1 -Email w1@example.com -FirstName W -LastName U -RoleId 1 -Password ([System.Net.NetworkCredential]::new('', 'W1-pass!word').SecurePassword) {0}" },
        { "Set-MauticUser", "Set-MauticUser -Id 1 -FirstName W {0}" },
        { "Remove-MauticUser", "Remove-MauticUser -Id 1 {0}" },
    };

    [Theory]
    [MemberData(nameof(Mutating))]
    public void WhatIf_changes_nothing_and_sends_no_mutating_request(string cmdlet, string script)
    {
        Assert.Contains(cmdlet, script);
        var before = Snapshot();
        var r = Run(string.Format(script, "-WhatIf"));
        r.AssertClean();
        Assert.Empty(r.Mutating);
        Assert.Equal(before, Snapshot());
        Assert.DoesNotContain(r.Output, o => o.TypeNames[0].StartsWith("Mautic."));
    }

    [Theory]
    [MemberData(nameof(Mutating))]
    public void WhatIfPreference_in_the_session_is_honoured_too(string cmdlet, string script)
    {
        Assert.Contains(cmdlet, script);
        var r = Run("$WhatIfPreference = $true\n" + string.Format(script, "") + "\n$WhatIfPreference = $false");
        Assert.Empty(r.Mutating);
    }

    [Theory]
    [MemberData(nameof(Mutating))]
    public void Confirm_false_never_prompts_and_does_the_work(string cmdlet, string script)
    {
        Assert.Contains(cmdlet, script);
        var r = Run(string.Format(script, "-Confirm:$false"), TimeSpan.FromSeconds(30));
        r.AssertClean();
        Assert.NotEmpty(r.Mutating);
    }

    [Fact]
    public void Force_deletes_without_prompting_even_when_ConfirmPreference_asks_for_everything()
    {
        var r = Run("$ConfirmPreference = 'Low'; Remove-MauticContact -Id 1 -Force", TimeSpan.FromSeconds(30));
        r.AssertClean();
        Assert.False(State.Contacts.ContainsKey(1));
    }

    [Fact]
    public void Force_with_WhatIf_still_only_reports()
    {
        var r = Run("Remove-MauticContact -Id 1 -Force -WhatIf");
        r.AssertClean();
        Assert.Empty(r.Mutating);
        Assert.True(State.Contacts.ContainsKey(1));
    }

    [Fact]
    public void A_high_impact_delete_without_Force_in_a_host_that_cannot_prompt_fails_fast_instead_of_hanging()
    {
        var r = Run("Remove-MauticContact -Id 1", TimeSpan.FromSeconds(20));
        Assert.True(r.Elapsed < TimeSpan.FromSeconds(20));
        Assert.NotEmpty(r.AllErrors);
        Assert.Empty(r.Mutating);
        Assert.True(State.Contacts.ContainsKey(1));
    }

    string Snapshot()
    {
        lock (State.Sync)
            return string.Join("|", State.Contacts.Values.Select(c => c.Id + ":" + string.Join(",", c.Fields.OrderBy(f => f.Key).Select(f => f.Key + "=" + f.Value)))) +
                   "#" + string.Join("|", State.Segments.Values.Select(g => g.Id + ":" + string.Join(",", g.Members.Order()))) + "#" + State.Sent.Count;
    }
}
