using System.Management.Automation;

namespace MauticPS.InProcess;

/// <summary>
/// The generic Get/New/Set/Remove cmdlets, one theory per behaviour over every area of <see cref="Areas"/>. Adding an
/// area of the resource table is a row here; CoverageTests counts these rows as covering the area's four cmdlets.
/// </summary>
public sealed class EntityAreaTests : PsTest
{
    /// <summary>
    /// PowerShell noun, API route, the area's name field, and the other fields Mautic requires on create (a PowerShell
    /// hashtable; every test runspace passes it to New-Mautic&lt;Noun&gt; as the default -Property, see PsSession).
    /// </summary>
    public static readonly (string Noun, string Route, string NameField, string Required)[] Areas =
    [
        ("Company", "companies", "companyname", "@{}"),
        ("Tag", "tags", "tag", "@{}"),
        ("Stage", "stages", "name", "@{}"),
        ("Category", "categories", "title", "@{ bundle = 'global' }"),
        ("Role", "roles", "name", "@{ isAdmin = $false }"),
        ("PointAction", "points", "name", "@{ type = 'url.hit'; delta = 1; repeatable = $false }"),
        ("PointTrigger", "points/triggers", "name", "@{ points = 10; triggerExistingLeads = $false }"),
        ("PointGroup", "points/groups", "name", "@{}"),
        ("Segment", "segments", "name", "@{}"),
        ("Campaign", "campaigns", "name", "@{ lists = @(@{ id = 1 }); events = @(@{ id = 'new1'; name = 'Points'; type = 'lead.changepoints'; eventType = 'action'; order = 1; properties = @{ points = 1 }; triggerMode = 'immediate' }) }"),
        ("Note", "notes", "text", "@{ lead = 1 }"),                      // contact 1 is seeded below: a note needs its contact
        ("Field", "fields/contact", "label", "@{ type = 'text' }"),      // -Object Contact, the default; a PUT needs the type
        ("Focus", "focus", "name", "@{ type = 'notice'; style = 'bar' }"),
        ("Page", "pages", "title", "@{ language = 'en' }"),              // a PUT without the language is Mautic's 500
        ("Asset", "assets", "title", "@{ storageLocation = 'remote'; file = 'http://127.0.0.1/files/doc.pdf'; language = 'en' }"),   // a create needs its file; a PUT its language
        ("Email", "emails", "name", "@{ subject = 'Hello'; language = 'en' }"),   // the subject is required; a PUT without the language is Mautic's 500
        ("Sms", "smses", "name", "@{ message = 'Hi'; language = 'en' }"),  // message NOT NULL; a PUT without the language is Mautic's 500
        ("Notification", "notifications", "name", "@{ heading = 'H'; message = 'M'; language = 'en' }"),
        ("Tweet", "tweets", "name", "@{ text = 'Hello' }"),
        ("Form", "forms", "name", "@{}"),
        ("DynamicContent", "dynamiccontents", "name", "@{ language = 'en'; isCampaignBased = $true }"), // a PUT makes it filter-based and needs the language
        ("Message", "messages", "name", "@{}"),
        ("Device", "devices", "device", "@{ lead = 1 }"),                // contact 1 is seeded below: a device needs its contact
        ("Report", "reports", "name", "@{ source = 'leads'; system = $false }"),   // a create without a source, a PUT without system: Mautic's 500
        ("Webhook", "hooks", "name", "@{ webhookUrl = 'http://127.0.0.1:9/hook' }"),
    ];

    /// <summary>$PSDefaultParameterValues lines that give each area's New- cmdlet its required fields.</summary>
    public static string RequiredDefaults =>
        string.Join("\n", Areas.Where(a => a.Required != "@{}").Select(a => $"$PSDefaultParameterValues['New-Mautic{a.Noun}:Property'] = {a.Required}"));

    /// <summary>
    /// The cmdlets these theories run, by name, derived from <see cref="Areas"/> (Get-MauticSegment is hand-written and
    /// tested on its own).
    /// </summary>
    public static IEnumerable<string> CmdletNames =>
        Areas.SelectMany(a => new[] { "Get", "New", "Set", "Remove" }.Select(v => $"{v}-Mautic{a.Noun}")).Where(n => n != "Get-MauticSegment");

    /// <summary>
    /// Generic-base cmdlets these theories leave to their own tests: users (a create needs a role, a password and a
    /// unique e-mail; UsersPointsTests) and campaign events (read-only; CampaignTests).
    /// </summary>
    static readonly string[] TestedElsewhere =
        ["Get-MauticUser", "New-MauticUser", "Set-MauticUser", "Remove-MauticUser", "Get-MauticCampaignEvent"];

    public static IEnumerable<object[]> Rows => Areas.Select(a => new object[] { a.Noun });

    [Fact]
    public void The_theories_run_exactly_the_exported_area_cmdlets()
    {
        // Every exported cmdlet built on the generic Get/New/Set/Remove bases has its area here, and no row names a
        // cmdlet the module does not export: a new area of the resource table cannot go untested.
        var generic = Ok("""
            Get-Command -Module Mautic | Where-Object {
                $t = $_.ImplementingType.BaseType
                while ($t -and $t.Namespace -ne 'Mautic.PowerShell.Base') { $t = $t.BaseType }
                $t -and $t.Name -match '^(Get|GetUuid|New|Set|Remove)EntityCmdlet'
            } | ForEach-Object Name
            """).Output.Select(o => o.BaseObject.ToString());
        Assert.Equal(CmdletNames.Concat(TestedElsewhere).Order(), generic.Order());
    }

    /// <summary>
    /// A tag's description is set only through Mautic 7's v2 API (v1 drops it) and refused on older servers, so the
    /// theories that send -Description run the tag rows against the fake as 7.0.0 (TagDescriptionTests has the rest).
    /// </summary>
    void DescriptionsNeedMautic7(string noun)
    {
        if (noun != "Tag") return;
        State.Version = "7.0.0";
        Ok("Connect-Mautic $BaseUrl -Credential $Cred");
    }

    static (string Route, string NameField) Area(string noun) => Areas.Where(a => a.Noun == noun).Select(a => (a.Route, a.NameField)).Single();

    static string Required(string noun) => Areas.Single(a => a.Noun == noun).Required;

    public EntityAreaTests()
    {
        Ps.Seed(1);   // contact 1: the contact of the notes the theories write
        Ps.Connect();
    }

    /// <summary>Creates three records named x1..x3 (prefixed) and returns their ids.</summary>
    long[] Create(string noun, string prefix)
    {
        var r = Ok($"'{prefix}1', '{prefix}2', '{prefix}3' | ForEach-Object {{ [pscustomobject]@{{ Name = $_ }} }} | ForEach-Object {{ New-Mautic{noun} -Name $_.Name }}");
        return r.Output.Select(o => Convert.ToInt64(o.Properties["id"].Value)).ToArray();
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void New_creates_from_named_parameters_and_from_rows_in_one_batch(string noun)
    {
        var (route, nameField) = Area(noun);
        DescriptionsNeedMautic7(noun);
        var one = Ok($"New-Mautic{noun} -Name 'one-{noun}' -Description 'first'");
        var o = Assert.Single(one.Output);
        Assert.Equal("Mautic." + noun, o.TypeNames[0]);
        Assert.IsType<long>(o.Properties["id"].Value);
        Assert.Equal($"one-{noun}", o.Properties[nameField].Value);
        Assert.Single(one.Requests, q => q.Path == $"/api/{route}/new" && q.Method == "POST");

        var rows = Ok($"1..3 | ForEach-Object {{ [pscustomobject]@{{ {nameField} = \"row$_-{noun}\"; Extra = 'ignored-or-kept' }} }} | New-Mautic{noun}");
        Assert.Equal(3, rows.Output.Count);
        Assert.Single(rows.Requests, q => q.Path == $"/api/{route}/batch/new");
        Assert.Equal(new[] { "row1-" + noun, "row2-" + noun, "row3-" + noun }, rows.Output.Select(x => (string)x.Properties[nameField].Value));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void New_refuses_a_row_without_a_name_and_keeps_the_others(string noun)
    {
        var (route, nameField) = Area(noun);
        var r = Run($"[pscustomobject]@{{ Description = 'no name' }}, [pscustomobject]@{{ {nameField} = 'named-{noun}' }} | New-Mautic{noun}");
        Assert.Single(r.Output);
        var e = Assert.Single(r.Errors);
        Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category);
        Assert.Contains(nameField, e.Exception.Message);
        Assert.Equal("no name", ((PSObject)e.TargetObject).Properties["Description"].Value);
        Assert.DoesNotContain(r.Requests, q => q.Path == $"/api/{route}/batch/new");
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Get_lists_searches_pages_and_gets_by_id_with_an_error_per_missing_id(string noun)
    {
        var (route, nameField) = Area(noun);
        var ids = Create(noun, "find-" + noun.ToLowerInvariant());
        var all = Ok($"Get-Mautic{noun}");
        Assert.Equal(ids, all.Output.Select(o => (long)o.Properties["id"].Value).Where(ids.Contains));
        Assert.All(all.Output, o => Assert.Equal("Mautic." + noun, o.TypeNames[0]));
        var page = Ok($"Get-Mautic{noun} -Skip 1 -First 1 -IncludeTotalCount -PageSize 1");
        Assert.True(Convert.ToUInt64(page.Output[0].BaseObject) >= 3);
        Assert.Single(page.Output.Skip(1));
        var byId = Run($"{ids[1]}, 987654 | Get-Mautic{noun}");
        Assert.Equal(ids[1], (long)Assert.Single(byId.Output).Properties["id"].Value);
        byId.SingleError(ErrorCategory.ObjectNotFound, 987654L);
        Assert.Contains(byId.Requests, q => q.Path == $"/api/{route}/{ids[1]}");
        var search = Ok($"Get-Mautic{noun} -Search 'find-{noun.ToLowerInvariant()}2'");
        Assert.Equal(ids[1], (long)Assert.Single(search.Output).Properties["id"].Value);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Set_patches_by_default_puts_with_Replace_and_batches_piped_records(string noun)
    {
        var (route, nameField) = Area(noun);
        DescriptionsNeedMautic7(noun);
        var ids = Create(noun, "set-" + noun.ToLowerInvariant());
        var one = Ok($"Set-Mautic{noun} {ids[0]} -Description 'changed' -PassThru");
        Assert.Equal("PATCH", one.Requests.Single(q => q.Path == $"/api/{route}/{ids[0]}/edit").Method);
        Assert.Single(one.Output);
        var replaced = Ok($"Set-Mautic{noun} -Id {ids[0]} -Name 'replaced-{noun}' -Property {Required(noun)} -Replace -PassThru");
        Assert.Equal("PUT", replaced.Requests.Single(q => q.Path == $"/api/{route}/{ids[0]}/edit").Method);
        Assert.Equal($"replaced-{noun}", replaced.Output.Single().Properties[nameField].Value);

        var piped = Ok($"Get-Mautic{noun} -Id {ids[1]}, {ids[2]} | Set-Mautic{noun} -Description 'batch'");
        var batch = piped.Requests.Single(q => q.Path == $"/api/{route}/batch/edit");
        Assert.Equal("PATCH", batch.Method);
        Assert.DoesNotContain(nameField, batch.Body);                  // a piped record names the target, it is not sent back
        Assert.Empty(piped.Output);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Set_reports_a_missing_record_and_an_empty_change(string noun)
    {
        var (route, nameField) = Area(noun);
        DescriptionsNeedMautic7(noun);
        var r = Run($"Set-Mautic{noun} -Id 987654 -Description x; Set-Mautic{noun} -Id 1");
        Assert.Equal(2, r.Errors.Count);
        Assert.Equal(ErrorCategory.ObjectNotFound, r.Errors[0].CategoryInfo.Category);
        Assert.Equal(987654L, r.Errors[0].TargetObject);
        Assert.Equal(ErrorCategory.InvalidArgument, r.Errors[1].CategoryInfo.Category);
        Assert.DoesNotContain(r.Requests, q => q.Path == $"/api/{route}/1/edit");
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Remove_deletes_piped_records_in_one_batch_reports_missing_ids_and_honours_WhatIf(string noun)
    {
        var (route, nameField) = Area(noun);
        var ids = Create(noun, "del-" + noun.ToLowerInvariant());
        var preview = Ok($"Get-Mautic{noun} -Id {ids[0]} | Remove-Mautic{noun} -WhatIf");
        Assert.Empty(preview.Mutating);
        var r = Run($"Get-Mautic{noun} -Id {ids[0]}, {ids[1]} | Remove-Mautic{noun} -Force -PassThru; Remove-Mautic{noun} -Id 987654 -Confirm:$false");
        Assert.Equal(new[] { ids[0], ids[1] }, r.Output.Select(o => Convert.ToInt64(o.Properties["id"].Value)));
        r.SingleError(ErrorCategory.ObjectNotFound, 987654L);
        Assert.Single(r.Requests, q => q.Path == $"/api/{route}/batch/delete" && q.Q("ids") == $"{ids[0]},{ids[1]}");
        var left = Ok($"Get-Mautic{noun}");
        Assert.Contains(left.Output, o => (long)o.Properties["id"].Value == ids[2]);
        Assert.DoesNotContain(left.Output, o => (long)o.Properties["id"].Value == ids[0]);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_record_of_another_area_is_refused_instead_of_lending_its_id(string noun)
    {
        var (route, nameField) = Area(noun);
        Ps.Seed(1);
        var r = Run($"Get-MauticContact -Id 1 | Remove-Mautic{noun} -Force; Get-MauticContact -Id 1 | Get-Mautic{noun}; Get-MauticContact -Id 1 | Set-Mautic{noun} -Description x");
        Assert.Equal(3, r.Errors.Count);
        Assert.All(r.Errors, e => Assert.Equal(ErrorCategory.InvalidArgument, e.CategoryInfo.Category));
        Assert.DoesNotContain(r.Requests, q => q.Path.StartsWith($"/api/{route}"));
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void ErrorAction_Stop_still_creates_the_rows_accepted_before_the_bad_one(string noun)
    {
        var (route, nameField) = Area(noun);
        var r = Run($"[pscustomobject]@{{ {nameField} = 'first-{noun}' }}, [pscustomobject]@{{ Description = 'nameless' }}, [pscustomobject]@{{ {nameField} = 'third-{noun}' }} | New-Mautic{noun} -ErrorAction Stop");
        Assert.NotNull(r.Terminating);
        Assert.Single(r.Requests, q => q.Path == $"/api/{route}/new");
        Assert.Equal($"first-{noun}", Assert.Single(r.Output).Properties[nameField].Value);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void WhatIf_sends_nothing_and_a_delete_that_cannot_prompt_fails_fast(string noun)
    {
        var (route, nameField) = Area(noun);
        var ids = Create(noun, "wi-" + noun.ToLowerInvariant());
        var preview = Run($"New-Mautic{noun} -Name 'never-{noun}' -WhatIf; Set-Mautic{noun} -Id {ids[0]} -Description x -WhatIf; Remove-Mautic{noun} -Id {ids[0]} -WhatIf; " +
                          $"[pscustomobject]@{{ {nameField} = 'never2-{noun}' }} | New-Mautic{noun} -WhatIf");
        preview.AssertClean();
        Assert.Empty(preview.Mutating);
        var noForce = Run($"Remove-Mautic{noun} -Id {ids[0]}", TimeSpan.FromSeconds(20));
        Assert.NotEmpty(noForce.AllErrors);
        Assert.Empty(noForce.Mutating);
        var confirmed = Ok($"Remove-Mautic{noun} -Id {ids[0]} -Confirm:$false");
        Assert.Single(confirmed.Mutating, q => q.Path == $"/api/{route}/{ids[0]}/delete");
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Set_and_Remove_send_what_they_accepted_before_a_row_that_fails_binding(string noun)
    {
        var (route, nameField) = Area(noun);
        DescriptionsNeedMautic7(noun);
        var ids = Create(noun, "stop-" + noun.ToLowerInvariant());
        var set = Run($"[pscustomobject]@{{ Id = {ids[0]}; description = 'kept' }}, [pscustomobject]@{{ Id = 0; description = 'x' }} | Set-Mautic{noun} -ErrorAction Stop");
        Assert.NotNull(set.Terminating);
        Assert.Single(set.Mutating, q => q.Path == $"/api/{route}/{ids[0]}/edit");
        var remove = Run($"[pscustomobject]@{{ Id = {ids[1]} }}, [pscustomobject]@{{ Id = 0 }} | Remove-Mautic{noun} -Force -ErrorAction Stop");
        Assert.NotNull(remove.Terminating);
        Assert.Single(remove.Mutating, q => q.Path == $"/api/{route}/{ids[1]}/delete");
    }

    [Fact]
    public void A_piped_column_named_like_the_name_or_description_field_in_another_case_is_that_field()
    {
        Ps.Connect();
        var r = Ok("[pscustomobject]@{ Title = 'Case Cat'; Description = 'd'; Bundle = 'global' } | New-MauticCategory");
        var body = r.Mutating.Single().Body!;
        Assert.Contains("\"title\":\"Case Cat\"", body);
        Assert.Contains("\"description\":\"d\"", body);
        Assert.Contains("\"Bundle\":\"global\"", body);   // other columns go as given: Mautic's field names are its own
    }

}
