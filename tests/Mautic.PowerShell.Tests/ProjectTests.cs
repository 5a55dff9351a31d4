using System.Management.Automation;

namespace MauticPS.InProcess;

/// <summary>Projects (Mautic 7's /api/v2/projects) and project membership of v1 records, against the fake as 7.0.0 and as 5.1.0.</summary>
public sealed class ProjectTests : PsTest
{
    void Connect7()
    {
        State.Version = "7.0.0";
        Ps.Connect();
    }

    int V2Requests(PsResult r) => r.Requests.Count(q => q.Path.StartsWith("/api/v2", StringComparison.Ordinal));

    [Theory]
    [InlineData("Get-MauticProject")]
    [InlineData("Get-MauticProject -Id 1")]
    [InlineData("Get-MauticProject -Name Q3")]
    [InlineData("New-MauticProject -Name Q3")]
    [InlineData("Set-MauticProject -Id 1 -Name Q4")]
    [InlineData("Remove-MauticProject -Id 1 -Force")]
    [InlineData("Get-MauticSegment -Id 1 | Add-MauticProjectMember -Project 1")]
    [InlineData("Get-MauticSegment -Id 1 | Remove-MauticProjectMember -Project Q3")]
    [InlineData("Invoke-MauticRequest v2/projects")]
    [InlineData("Invoke-MauticRequest /api/v2/projects -Method POST -Body @{ name = 'x' }")]
    public void On_5_1_every_project_cmdlet_stops_at_once_with_the_gates_text_and_sends_nothing_to_v2(string script)
    {
        Ps.Connect();
        var r = Run(script);
        Assert.NotNull(r.Terminating);
        Assert.Equal(ErrorCategory.NotImplemented, r.Terminating!.CategoryInfo.Category);
        Assert.EndsWith("needs Mautic 7.0 or later; this server is 5.1.0.", r.Terminating.Exception.Message);
        Assert.Equal(0, V2Requests(r));
        Assert.DoesNotContain(r.Requests, q => q.Method == "PATCH");
    }

    [Fact]
    [Covers("New-MauticProject")]
    [Covers("Get-MauticProject", "List")]
    [Covers("Get-MauticProject", "ById")]
    [Covers("Get-MauticProject", "ByName")]
    [Covers("Set-MauticProject")]
    [Covers("Remove-MauticProject")]
    public void Create_list_find_rename_and_delete_projects()
    {
        Connect7();
        var made = Ok("'Q3 launch', 'Q4 launch' | ForEach-Object { [pscustomobject]@{ Name = $_; Description = 'plan' } } | New-MauticProject").Output;
        Assert.Equal(2, made.Count);
        Assert.Equal("Mautic.Project", made[0].TypeNames[0]);
        Assert.Equal("plan", made[0].Properties["description"].Value);
        var id = (long)made[0].Properties["id"].Value;

        Assert.Equal(2, Ok("Get-MauticProject").Output.Count);
        Assert.Equal(new[] { "Q3 launch" }, Ok("Get-MauticProject -Name 'q3*'").Output.Select(o => (string)o.Properties["name"].Value));
        var missing = Run("Get-MauticProject -Name 'Q9 launch'");
        Assert.Equal("Q9 launch", missing.SingleError(ErrorCategory.ObjectNotFound, "Q9 launch").TargetObject);
        Assert.Single(Ok("Get-MauticProject -First 1").Output);

        var renamed = Ok($"Get-MauticProject -Id {id} | Set-MauticProject -Name 'Q3 done' -PassThru");
        Assert.Equal("Q3 done", Assert.Single(renamed.Output).Properties["name"].Value);
        Assert.Equal("plan", renamed.Output[0].Properties["description"].Value);
        Assert.Single(renamed.Requests, q => q.Method == "PATCH" && q.Path == $"/api/v2/projects/{id}" && q.Body == """{"name":"Q3 done"}""");

        var preview = Run($"Remove-MauticProject -Id {id} -WhatIf");
        Assert.Empty(preview.Mutating);
        Ok($"Get-MauticProject -Id {id} | Remove-MauticProject -Force");
        var gone = Run($"Get-MauticProject -Id {id}");
        gone.SingleError(ErrorCategory.ObjectNotFound, id);
    }

    [Fact]
    [Covers("Set-MauticProject")]
    [Covers("New-MauticProject")]
    public void A_blank_name_or_nothing_to_change_is_refused_before_sending()
    {
        Connect7();
        var r = Run("Set-MauticProject -Id 1");
        r.SingleError(ErrorCategory.InvalidArgument, 1L);
        Assert.Equal(0, V2Requests(r));
        var blank = Run("[pscustomobject]@{ Name = ' ' } | New-MauticProject");
        Assert.Equal(ErrorCategory.InvalidArgument, Assert.Single(blank.Errors).CategoryInfo.Category);
        Assert.Equal(0, V2Requests(blank));
    }

    [Fact]
    [Covers("Add-MauticProjectMember")]
    [Covers("Remove-MauticProjectMember")]
    public void Segments_and_companies_go_into_a_project_named_by_name_id_or_record_and_out_again()
    {
        Connect7();
        Ok("$null = New-MauticProject -Name Q3; $null = New-MauticCompany -Name Acme");
        var added = Ok("@(Get-MauticSegment -Id 1; Get-MauticCompany -Search Acme) | Add-MauticProjectMember -Project q3 -PassThru");
        Assert.Equal(new[] { "Mautic.Segment", "Mautic.Company" }, added.Output.Select(o => o.TypeNames[0]));
        foreach (var o in added.Output)
        {
            var projects = PsResult.Items(PsResult.Unwrap(o.Properties["projects"].Value)!);
            var p = (PSObject)Assert.Single(projects);
            Assert.Equal("Q3", p.Properties["name"].Value);
        }
        Assert.Equal(2, added.Requests.Count(q => q.Method == "PATCH" && q.Body == """{"projects":[1]}"""));

        var again = Ok("Get-MauticSegment -Id 1 | Add-MauticProjectMember -Project 1");
        Assert.Empty(again.Mutating);                                   // already in it: nothing sent

        var removed = Ok("Get-MauticSegment -Id 1 | Remove-MauticProjectMember -Project (Get-MauticProject -Id 1) -PassThru");
        Assert.Empty(PsResult.Items(PsResult.Unwrap(Assert.Single(removed.Output).Properties["projects"].Value)!));
        Assert.Single(removed.Requests, q => q.Method == "PATCH" && q.Path == "/api/segments/1/edit" && q.Body == """{"projects":[]}""");
    }

    [Fact]
    [Covers("Add-MauticProjectMember")]
    public void A_record_of_a_kind_without_projects_or_an_unknown_project_is_an_error_carrying_the_input()
    {
        Connect7();
        Ok("$null = New-MauticProject -Name Q3");
        var tag = Run("New-MauticTag -Name t1 | Add-MauticProjectMember -Project Q3");
        var e = Assert.Single(tag.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        Assert.Contains("Mautic.Tag", e.Exception.Message);
        Assert.Equal("Mautic.Tag", ((PSObject)e.TargetObject).TypeNames[0]);
        Assert.DoesNotContain(tag.Requests, q => q.Method == "PATCH");

        var unknown = Run("Get-MauticSegment -Id 1 | Add-MauticProjectMember -Project 'No such'");
        Assert.Equal(ErrorCategory.ObjectNotFound, Assert.Single(unknown.Errors).CategoryInfo.Category);
        var badId = Run("Get-MauticSegment -Id 1 | Add-MauticProjectMember -Project 99");
        Assert.Equal(ErrorCategory.InvalidData, Assert.Single(badId.Errors).CategoryInfo.Category);
        Assert.Contains("The selected choice is invalid.", badId.Errors[0].Exception.Message);
    }

    [Fact]
    [Covers("Invoke-MauticRequest")]
    public void Invoke_MauticRequest_reaches_v2_paths_with_merge_patch_for_PATCH()
    {
        Connect7();
        var made = Ok("Invoke-MauticRequest v2/projects -Method POST -Body @{ name = 'raw' }");
        var id = (long)Assert.Single(made.Output).Properties["id"].Value;
        var patched = Ok($"Invoke-MauticRequest /api/v2/projects/{id} -Method PATCH -Body @{{ description = 'd' }}");
        Assert.Equal("d", Assert.Single(patched.Output).Properties["description"].Value);   // the fake answers 415 to any other type
        var listed = Ok("Invoke-MauticRequest v2/projects");
        Assert.Single(listed.Output);
        Assert.Contains(listed.Requests, q => q.Path == "/api/v2/projects");
    }

    [Fact]
    [Covers("Get-MauticProject", "List")]
    public void A_client_credentials_connection_is_told_to_use_Basic_auth_for_v2()
    {
        State.Version = "7.0.0";
        Ps.Connect("ClientCredentials");
        var r = Run("Get-MauticProject");
        var e = Assert.Single(r.AllErrors);
        Assert.Equal(ErrorCategory.AuthenticationError, e.CategoryInfo.Category);
        Assert.Contains("-Credential", e.Exception.Message);
    }

    [Fact]
    public void Project_references_complete_as_id_and_name_from_the_v2_list()
    {
        Connect7();
        Ok("New-MauticProject -Name 'Q3 launch'; New-MauticProject -Name Spring");
        var all = Ok(Complete("Get-MauticSegment -Id 1 | Add-MauticProjectMember -Project "));
        Assert.Equal(new[] { "1|1 - Q3 launch", "2|2 - Spring" }, all.Output.Select(o => o.ToString()));
        Assert.Contains(all.Requests, q => q.Method == "GET" && q.Path == "/api/v2/projects");
        Assert.Equal(new[] { "'Q3 launch'|1 - Q3 launch" }, Ok(Complete("Remove-MauticProjectMember -ProjectName q")).Output.Select(o => o.ToString()));
    }
}
