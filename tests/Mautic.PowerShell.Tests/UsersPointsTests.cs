using System.Management.Automation;
using System.Text.Json.Nodes;
using Mautic.FakeServer;

namespace MauticPS.InProcess;

/// <summary>The users' cmdlets, their lookups and permission check, and the point extras (types, trigger event removal).</summary>
public sealed class UsersPointsTests : PsTest
{
    const string Pw = "$pw = [System.Net.NetworkCredential]::new('', 'Us3r-Secret!pw').SecurePassword; ";

    public UsersPointsTests() => Ps.Connect();

    static string NewUser(string name, string extra = "-RoleId 1") =>
        $"New-MauticUser -UserName {name} -Email {name}@example.com -FirstName F{name} -LastName L{name} {extra} -Password $pw";

    [Fact]
    [Covers("New-MauticUser")]
    public void New_sends_the_password_twice_as_plainPassword_and_the_record_has_no_password()
    {
        var r = Ok(Pw + NewUser("jdoe") + "; 'r1', 'r2' | ForEach-Object { [pscustomobject]@{ username = $_; email = \"$_@example.com\"; firstName = 'R'; lastName = 'S' } } | New-MauticUser -RoleId 1 -Password $pw");
        Assert.Equal(new[] { "jdoe", "r1", "r2" }, r.Output.Select(o => (string)o.Properties["username"].Value));
        Assert.All(r.Output, o => Assert.Equal("Mautic.User", o.TypeNames[0]));
        Assert.Equal("Administrator", ((PSObject)r.Output[0].Properties["role"].Value).Properties["name"].Value);
        Assert.DoesNotContain(r.Output[0].Properties, p => p.Name.Contains("assword", StringComparison.OrdinalIgnoreCase));
        var one = JsonNode.Parse(r.Requests.Single(q => q.Path == "/api/users/new").Body)!;
        Assert.Equal("Us3r-Secret!pw", (string?)one["plainPassword"]!["password"]);
        Assert.Equal("Us3r-Secret!pw", (string?)one["plainPassword"]!["confirm"]);
        var batch = JsonNode.Parse(r.Requests.Single(q => q.Path == "/api/users/batch/new").Body)!.AsArray();
        Assert.All(batch, b => Assert.Equal("Us3r-Secret!pw", (string?)b!["plainPassword"]!["password"]));
    }

    [Fact]
    [Covers("New-MauticUser")]
    public void New_refuses_what_Mautic_refuses_with_the_input_and_no_password_in_the_error()
    {
        Ok(Pw + NewUser("taken"));
        var r = Run(Pw + "New-MauticUser -UserName bad -Email nope -FirstName B -LastName D -RoleId 1 -Password $pw; " + NewUser("norole", "") + "; " + NewUser("taken"));
        Assert.True(r.Errors.Count == 3, string.Join("\n", r.AllErrors.Select(e => e.ToString())));
        Assert.All(r.Errors, e => Assert.Equal(ErrorCategory.InvalidData, e.CategoryInfo.Category));
        Assert.Contains("The email entered is invalid", r.Errors[0].ToString());
        Assert.Contains("A role must be chosen", r.Errors[1].ToString());
        Assert.Contains("Username is already in use", r.Errors[2].ToString());
        Assert.All(r.Errors, e => Assert.DoesNotContain("Us3r-Secret!pw", e.TargetObject?.ToString() ?? ""));
        Assert.All(r.Errors, e => Assert.Contains("***", e.TargetObject?.ToString() ?? ""));
        var missing = Run("New-MauticUser -UserName x -Email x@example.com -FirstName X -LastName Y -RoleId 1 -Password $null");
        Assert.Equal(ErrorCategory.InvalidData, missing.Terminating!.CategoryInfo.Category);
        Assert.Empty(missing.Api);
    }

    [Fact]
    [Covers("New-MauticUser")]
    public void WhatIf_names_the_user_not_the_password_and_sends_nothing()
    {
        var r = Ok(Pw + NewUser("wi") + " -WhatIf -Verbose");
        Assert.Empty(r.Mutating);
        Assert.DoesNotContain(r.Verbose, v => v.Message.Contains("Secret"));
        lock (State.Sync) Assert.DoesNotContain(State.Stores["users"].Rows.Values, u => u.Text("username") == "wi");
    }

    [Fact]
    [Covers("Get-MauticUser", "List")]
    [Covers("Get-MauticUser", "ById")]
    [Covers("Get-MauticUser", "Self")]
    public void Get_lists_reads_by_id_and_reads_the_connected_user()
    {
        Ok(Pw + NewUser("lst"));
        var r = Ok("Get-MauticUser -Search lst; Get-MauticUser -Id 1; Get-MauticUser -Self");
        Assert.Equal(new[] { "lst", "admin", "admin" }, r.Output.Select(o => (string)o.Properties["username"].Value));
        Assert.Contains(r.Requests, q => q.Path == "/api/users/self");
        Assert.All(r.Output, o => Assert.Equal("Mautic.User", o.TypeNames[0]));
        Ok("Set-MauticUser -Id 1 -FirstName Ada");
        Assert.Equal("Ada", Ok("Get-MauticUser -Self").Output.Single().Properties["firstName"].Value);
        Run("Get-MauticUser -Id 987654").SingleError(ErrorCategory.ObjectNotFound, 987654L);
    }

    [Fact]
    [Covers("Set-MauticUser")]
    public void Set_patches_and_replace_puts_keeping_username_and_role()
    {
        var id = (long)Ok(Pw + NewUser("ed") + " -Description Boss").Output.Single().Properties["id"].Value;
        var p = Ok($"Set-MauticUser -Id {id} -FirstName Al -Property @{{ username = 'renamed' }} -PassThru").Output.Single();
        Assert.Equal("Al", p.Properties["firstName"].Value);
        Assert.Equal("ed", p.Properties["username"].Value);          // Mautic ignores a new username
        Assert.Equal("Boss", p.Properties["position"].Value);
        var put = Ok($"Set-MauticUser -Id {id} -FirstName Put -LastName P -Email ed@example.com -Replace -PassThru").Output.Single();
        Assert.Null(put.Properties["position"].Value);
        Assert.False((bool)put.Properties["isPublished"].Value);
        Assert.Equal("ed", put.Properties["username"].Value);
        Assert.Equal(1L, ((PSObject)put.Properties["role"].Value).Properties["id"].Value);
        Assert.Equal("PUT", Ok($"Set-MauticUser -Id {id} -Email ed@example.com -FirstName A -LastName B -Replace").Requests.Single(q => q.Path.EndsWith("/edit")).Method);
        var bad = Run($"Set-MauticUser -Id {id} -Replace -FirstName OnlyThis");
        Assert.Contains("Last name is required", bad.SingleError(ErrorCategory.InvalidData, (long)id).ToString());
    }

    [Fact]
    [Covers("Remove-MauticUser")]
    public void Remove_deletes_one_and_many_and_reports_a_missing_id()
    {
        var ids = Ok(Pw + NewUser("d1") + "; " + NewUser("d2") + "; " + NewUser("d3")).Output.Select(o => (long)o.Properties["id"].Value).ToArray();
        var r = Run($"Remove-MauticUser -Id {ids[0]} -Force -PassThru; {ids[1]}, {ids[2]}, 987654 | Remove-MauticUser -Force -PassThru");
        Assert.Equal(ids, r.Output.Select(o => (long)o.Properties["id"].Value));
        r.SingleError(ErrorCategory.ObjectNotFound, 987654L);
        lock (State.Sync) Assert.Equal(new long[] { 1 }, State.Stores["users"].Rows.Keys);
    }

    [Fact]
    [Covers("Get-MauticUserRole")]
    public void The_role_lookup_is_id_and_name_filtered_by_Mautic()
    {
        lock (State.Sync) State.Roles.Add(new Dictionary<string, object?> { ["name"] = "Sales", ["isAdmin"] = false });
        var r = Ok("Get-MauticUserRole; Get-MauticUserRole -Filter sal -Limit 5");
        Assert.Equal(new[] { "Administrator", "Sales", "Sales" }, r.Output.Select(o => (string)o.Properties["name"].Value));
        Assert.All(r.Output, o => Assert.Equal("Mautic.UserRole", o.TypeNames[0]));
        Assert.Contains(r.Requests, q => q.Path == "/api/users/list/roles" && q.Query.Contains("filter=sal") && q.Query.Contains("limit=5"));
    }

    [Fact]
    [Covers("Get-MauticContactOwner")]
    public void Contact_owners_are_the_published_users()
    {
        Ok(Pw + NewUser("own"));
        var r = Ok("Get-MauticContactOwner; Get-MauticContactOwner -Filter Fown");
        Assert.Equal(new[] { "Admin", "Fown", "Fown" }, r.Output.Select(o => (string)o.Properties["firstName"].Value));
        Assert.All(r.Output, o => Assert.Equal("Mautic.ContactOwner", o.TypeNames[0]));
    }

    [Fact]
    [Covers("Test-MauticUserPermission")]
    public void Permission_checks_give_one_object_per_user_and_permission()
    {
        lock (State.Sync) State.Roles.Add(new Dictionary<string, object?> { ["name"] = "Viewer", ["isAdmin"] = false, ["rawPermissions"] = JsonNode.Parse("""{"lead:leads":["viewown"]}""") });
        var roleId = State.Roles.Rows.Keys.Max();
        var uid = (long)Ok(Pw + NewUser("perm", $"-RoleId {roleId}")).Output.Single().Properties["id"].Value;
        var r = Run($"1, {uid} | Test-MauticUserPermission -Permission lead:leads:viewown, lead:leads:viewother, bad; Get-MauticUser -Id {uid} | Test-MauticUserPermission -Permission lead:leads:view");
        Assert.Equal(new object[] { 1L, "lead:leads:viewown", true, 1L, "lead:leads:viewother", true, uid, "lead:leads:viewown", true, uid, "lead:leads:viewother", false, uid, "lead:leads:view", true },
            r.Output.SelectMany(o => new[] { o.Properties["UserId"].Value, o.Properties["Permission"].Value, o.Properties["Granted"].Value }));
        Assert.All(r.Output, o => Assert.Equal("Mautic.UserPermission", o.TypeNames[0]));
        Assert.Equal(2, r.Errors.Count(e => e.CategoryInfo.Category == ErrorCategory.InvalidArgument && (string)e.TargetObject == "bad"));
        Assert.Equal(3, r.Requests.Count(q => q.Method == "POST" && q.Path.EndsWith("/permissioncheck")));
        Assert.Contains("bundle", Run($"Test-MauticUserPermission -Id {uid} -Permission bogus:x:y").SingleError(ErrorCategory.ConnectionError, uid).ToString());
        Run("Test-MauticUserPermission -UserId 987654 -Permission lead:leads:view").SingleError(ErrorCategory.ObjectNotFound, 987654L);
        var wrongKind = Run("Get-MauticSegment -Id 1 | Test-MauticUserPermission -Permission lead:leads:view");
        Assert.Equal(ErrorCategory.InvalidArgument, wrongKind.Errors.Single().CategoryInfo.Category);
        Assert.Empty(wrongKind.Requests.Where(q => q.Method == "POST"));
    }

    [Fact]
    [Covers("Get-MauticPointActionType")]
    [Covers("Get-MauticPointTriggerEventType")]
    public void The_type_lists_are_type_and_label_records()
    {
        var r = Ok("Get-MauticPointActionType; Get-MauticPointTriggerEventType");
        Assert.Contains(r.Output, o => o.TypeNames[0] == "Mautic.PointActionType" && (string)o.Properties["type"].Value == "url.hit" && (string)o.Properties["label"].Value == "Visits specific URL");
        Assert.Contains(r.Output, o => o.TypeNames[0] == "Mautic.PointTriggerEventType" && (string)o.Properties["type"].Value == "lead.changetags");
        Assert.Equal(12, r.Output.Count);
    }

    [Fact]
    [Covers("Remove-MauticPointTriggerEvent")]
    public void Removing_trigger_events_reports_that_Mautic_did_not_save_and_unknown_ids()
    {
        var t = Ok("New-MauticPointTrigger -Name ev -Property @{ points = 5; triggerExistingLeads = $false; events = @(@{ name = 'a'; type = 'lead.changetags'; order = 1 }, @{ name = 'b'; type = 'lead.changelists'; order = 2 }) }").Output.Single();
        var tid = (long)t.Properties["id"].Value;
        var events = (PsResult.Items(t.Properties["events"].Value)).Cast<PSObject>().Select(e => (long)e.Properties["id"].Value).ToArray();
        Assert.Equal(2, events.Length);
        Assert.Empty(Ok($"Remove-MauticPointTriggerEvent {tid} {events[0]} -WhatIf").Mutating);
        var r = Run($"(Get-MauticPointTrigger -Id {tid}).events[0], [pscustomobject]@{{ Id = 987654 }} | Remove-MauticPointTriggerEvent -TriggerId {tid} -Force -PassThru");
        var delete = r.Requests.Single(q => q.Method == "DELETE");
        Assert.Equal($"/api/points/triggers/{tid}/events/delete", delete.Path);
        Assert.Contains($"events%5B%5D={events[0]}", delete.Query);
        Assert.Contains("events%5B%5D=987654", delete.Query);
        Assert.Equal(2, r.Errors.Count);
        Assert.Equal(ErrorCategory.ObjectNotFound, r.Errors.Single(e => Equals(e.TargetObject, 987654L)).CategoryInfo.Category);
        var unsaved = r.Errors.Single(e => Equals(e.TargetObject, events[0]));
        Assert.Equal(ErrorCategory.InvalidResult, unsaved.CategoryInfo.Category);
        Assert.Contains("does not save", unsaved.ToString());
        Assert.Equal(2, (PsResult.Items(r.Output.Single().Properties["events"].Value)).Length);
        Run("Remove-MauticPointTriggerEvent -TriggerId 987654 -Id 1 -Force").SingleError(ErrorCategory.ObjectNotFound, 987654L);
    }
}
