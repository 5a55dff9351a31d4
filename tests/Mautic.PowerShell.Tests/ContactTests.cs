using System.Management.Automation;

namespace MauticPS.InProcess;

/// <summary>Get-, New-, Set-, Remove-MauticContact and Get-MauticContactSegment, run for real.</summary>
public sealed class ContactTests : PsTest
{
    public ContactTests() => Ps.Connect();

    [Fact]
    [Covers("Get-MauticContact", "List")]
    public void Lists_typed_objects_with_flattened_fields_dates_and_numbers()
    {
        var c = State.AddContact("typed@example.com", "Ty", "Ped", "vip");
        lock (State.Sync) { c.Fields["city"] = "Paris"; c.Fields["score"] = "42"; c.Points = 7; }
        var r = Ok("Get-MauticContact");
        var o = Assert.Single(r.Output);
        Assert.Equal("Mautic.Contact", o.TypeNames[0]);
        Assert.IsType<long>(o.Properties["id"].Value);
        Assert.Equal("Paris", o.Properties["city"].Value);
        Assert.Equal("typed@example.com", o.Properties["email"].Value);
        Assert.IsType<DateTime>(o.Properties["dateAdded"].Value);
        Assert.True(o.Properties["points"].Value is long or int, "points is a number");
        Assert.Equal(42L, o.Properties["score"].Value);                      // a custom number field, sent as "42"
        Assert.Contains("vip", (PsResult.Items(o.Properties["tags"].Value)).Select(t => PsResult.Unwrap(t)!.ToString()));
    }

    [Fact]
    [Covers("Get-MauticContact", "List")]
    public void Lists_and_nested_records_keep_their_items_and_write_their_text_form_to_a_CSV()
    {
        var c = State.AddContact("csv@example.com", "Cs", "V", "vip", "news");
        var r = Ok($"Add-MauticContactDoNotContact -Id {c.Id} -Reason Unsubscribed | Out-Null; Get-MauticContact -Id {c.Id}");
        var o = Assert.Single(r.Output);
        Assert.Equal(["news", "vip"], PsResult.Items(o.Properties["tags"].Value).Select(t => PsResult.Unwrap(t)!.ToString()));
        Assert.Equal("news, vip", o.Properties["tags"].Value.ToString());
        var dnc = Assert.IsType<PSObject>(Assert.Single(PsResult.Items(o.Properties["doNotContact"].Value)));
        Assert.Equal("Unsubscribed", PsResult.Unwrap(dnc.Properties["reason"].Value)!.ToString());
        Assert.Equal(1, Convert.ToInt32(PsResult.Unwrap(dnc.Properties["reason"].Value)));
        Assert.Equal("email: Unsubscribed", dnc.ToString());
        Assert.Null(o.Properties["lastActive"]);                       // the last_active field holds it
        Assert.NotNull(o.Properties["last_active"]);
        // What Export-Csv writes: each property value's ToString().
        Assert.DoesNotContain(o.Properties.Where(p => p.Value != null), p => p.Value.ToString()!.Contains("System.") || p.Value.ToString()!.Contains("@{"));
    }

    [Theory]
    [InlineData("Get-MauticContact -Search 'tag:vip'")]
    [InlineData("Get-MauticContact 'tag:vip'")]
    [InlineData("Get-MauticContact -Where @{ col = 'email'; expr = 'like'; val = 'v%' }")]
    [Covers("Get-MauticContact", "List")]
    public void Search_positionally_or_by_name_and_where_filter(string script)
    {
        State.AddContact("v1@example.com", null, null, "vip");
        State.AddContact("other@example.com");
        var r = Ok(script);
        Assert.Equal("v1@example.com", Assert.Single(r.Output).Properties["email"].Value);
    }

    [Fact]
    [Covers("Get-MauticContact", "List")]
    public void First_Skip_IncludeTotalCount_and_PageSize_bound_the_listing()
    {
        Ps.Seed(25);
        var r = Ok("Get-MauticContact -Skip 5 -First 7 -IncludeTotalCount -PageSize 4");
        Assert.Equal(25UL, Convert.ToUInt64(r.Output[0].BaseObject));
        Assert.Equal(Enumerable.Range(6, 7).Select(i => (long)i), r.Output.Skip(1).Select(o => (long)o.Properties["id"].Value));
        Assert.True(r.Api.Count(q => q.Path == "/api/contacts") >= 2, "paged in requests of 4");
        Assert.All(r.Api.Where(q => q.Path == "/api/contacts"), q => Assert.InRange(int.Parse(q.Q("limit")!), 1, 4));
    }

    [Fact]
    [Covers("Get-MauticContact", "List")]
    public void OrderBy_and_Descending_reach_the_server()
    {
        Ps.Seed(3);
        var r = Ok("Get-MauticContact -OrderBy email -Descending");
        Assert.Equal(new[] { "a3@example.com", "a2@example.com", "a1@example.com" }, r.Output.Select(o => (string)o.Properties["email"].Value));
    }

    [Fact]
    [Covers("Get-MauticContact", "List")]
    public void A_bad_where_clause_is_a_terminating_InvalidArgument_naming_it()
    {
        var r = Run("Get-MauticContact -Where @{ col = 'email'; expr = 'equals'; val = 'x' }");
        Assert.Equal(ErrorCategory.InvalidArgument, r.Terminating!.CategoryInfo.Category);
        Assert.Contains("'equals'", r.Terminating.Exception.Message);
        Assert.Empty(r.Api);
    }

    [Theory]
    [InlineData("Get-MauticContact -Id 1, 424242")]
    [InlineData("Get-MauticContact -ContactId 1, 424242")]
    [InlineData("1, 424242 | ForEach-Object { [pscustomobject]@{ Id = $_ } } | Get-MauticContact")]
    [InlineData("1, 424242 | ForEach-Object { [pscustomobject]@{ ContactId = $_ } } | Get-MauticContact")]
    [Covers("Get-MauticContact", "ById")]
    public void By_id_writes_the_found_and_one_ObjectNotFound_per_missing_id(string script)
    {
        Ps.Seed(1);
        var r = Run(script + " -ErrorVariable missed; $missed.Count");
        Assert.Null(r.Terminating);
        Assert.Equal(1L, r.Output[0].Properties["id"].Value);
        Assert.Equal(1, Convert.ToInt32(r.Output[1].BaseObject));
        var e = r.SingleError(ErrorCategory.ObjectNotFound, 424242L);
        Assert.Equal("MauticNotFound,Mautic.PowerShell.Cmdlets.Contacts.GetMauticContact", e.FullyQualifiedErrorId);
        Assert.Contains("Contact 424242 was not found", e.Exception.Message);   // several ids: one where-in list request, so the message is the module's, naming the id
    }

    [Fact]
    [Covers("Get-MauticContact", "ById")]
    public void Contacts_flow_from_a_contact_listing_into_a_lookup_by_id()
    {
        Ps.Seed(3);
        var r = Ok("Get-MauticContact -First 2 | Get-MauticContact");
        Assert.Equal(new[] { 1L, 2L }, r.Output.Select(o => (long)o.Properties["id"].Value));
    }

    [Fact]
    [Covers("Get-MauticContact", "ByEmail")]
    public void By_email_finds_exact_addresses_and_reports_unknown_ones_per_address()
    {
        State.AddContact("jo+news@example.com", "Jo");
        var r = Run("Get-MauticContact -Email 'jo+news@example.com', 'nobody@example.com'");
        Assert.Equal("Jo", Assert.Single(r.Output).Properties["firstname"].Value);
        var e = r.SingleError(ErrorCategory.ObjectNotFound, "nobody@example.com");
        Assert.Contains("nobody@example.com", e.Exception.Message);
    }

    [Fact]
    [Covers("New-MauticContact")]
    public void Import_Csv_shaped_rows_become_contacts_200_per_request_and_a_bad_row_is_an_error_carrying_it()
    {
        var r = Run("$rows = 1..450 | ForEach-Object { [pscustomobject]@{ Email = $(if ($_ -eq 317) { 'broken' } else { \"lead$_@example.com\" }); firstname = \"F$_\"; 'Last Name' = 'L'; Notes = 'extra column' } }\n" +
                    "$created = $rows | New-MauticContact -Tag imported -ErrorVariable failed -ErrorAction SilentlyContinue\n" +
                    "$created.Count; $failed.Count; $failed[0].TargetObject.Email");
        Assert.Null(r.Terminating);
        Assert.Equal(new object[] { 449, 1, "broken" }, r.Output.Select(o => o.BaseObject));
        Assert.Equal(3, r.Requests.Count(q => q.Path == "/api/contacts/batch/new"));
        var c = State.Contacts.Values.First(x => x.Fields["email"] == "lead1@example.com");
        Assert.Equal("F1", c.Fields["firstname"]);
        Assert.Equal("L", c.Fields["lastname"]);
        // An extra column is sent as a field alias (it may be a custom field); Mautic ignores an alias it does not know.
        Assert.Contains("\"notes\":\"extra column\"", r.Requests.First(q => q.Path == "/api/contacts/batch/new").Body);
        Assert.Contains("imported", c.Tags);
    }

    [Theory]
    [InlineData("'s1@example.com', 's2@example.com' | New-MauticContact")]
    [InlineData("@{ Email = 's1@example.com' }, @{ email = 's2@example.com' } | New-MauticContact")]
    [InlineData("New-MauticContact -Email s1@example.com; New-MauticContact -Email s2@example.com")]
    [InlineData("New-MauticContact -Property @{ email = 's1@example.com' }; New-MauticContact -Fields @{ email = 's2@example.com' }")]
    [InlineData("New-MauticContact -Email s1@example.com -Tags t; New-MauticContact -Email s2@example.com -Tag t")]
    [Covers("New-MauticContact")]
    public void Strings_hashtables_and_named_parameters_all_create_contacts(string script)
    {
        var r = Ok(script);
        Assert.Equal(2, r.Output.Count);
        Assert.All(r.Output, o => Assert.Equal("Mautic.Contact", o.TypeNames[0]));
        Assert.Equal(new[] { "s1@example.com", "s2@example.com" }, State.Contacts.Values.Select(c => c.Fields["email"]));
    }

    [Fact]
    [Covers("New-MauticContact")]
    public void Named_fields_win_over_the_piped_row_and_Owner_is_a_number()
    {
        var r = Ok("[pscustomobject]@{ email = 'row@example.com'; firstname = 'Row' } | New-MauticContact -FirstName Named -LastName L -Company Acme -Phone 123 -Owner 1");
        var body = r.Requests.Single(q => q.Path.StartsWith("/api/contacts/")).Body;
        Assert.Contains("\"firstname\":\"Named\"", body);
        Assert.Contains("\"owner\":1", body);
        Assert.Contains("\"company\":\"Acme\"", body);
    }

    [Fact]
    [Covers("New-MauticContact")]
    public void A_row_Mautic_refuses_is_InvalidData_with_Mautics_message_and_the_row_as_target()
    {
        var r = Run("$bad = [pscustomobject]@{ email = 'n@example.com'; score = 'not-a-number' }; $bad, 'fine@example.com' | New-MauticContact");
        Assert.Single(r.Output);
        var e = Assert.Single(r.Errors);
        Assert.Equal(ErrorCategory.InvalidData, e.CategoryInfo.Category);
        Assert.Equal("MauticInvalidData,Mautic.PowerShell.Cmdlets.Contacts.NewMauticContact", e.FullyQualifiedErrorId);
        Assert.Equal("not-a-number", ((PSObject)e.TargetObject).Properties["score"].Value);
        Assert.Contains("score", e.Exception.Message);
    }

    [Fact]
    [Covers("Set-MauticContact")]
    public void Piped_contacts_are_changed_by_batch_PATCH_and_written_only_with_PassThru()
    {
        Ps.Seed(3, "prospect");
        var quiet = Ok("Get-MauticContact | Set-MauticContact -AddTag vip -RemoveTag prospect");
        Assert.Empty(quiet.Output);
        var batch = Assert.Single(quiet.Requests, q => q.Path == "/api/contacts/batch/edit");
        Assert.Equal("PATCH", batch.Method);
        Assert.All(State.Contacts.Values, c => Assert.Equal(new[] { "vip" }, c.Tags));
        var loud = Ok("Set-MauticContact 2 -Property @{ city = 'Lyon' } -PassThru");
        Assert.Equal("Lyon", Assert.Single(loud.Output).Properties["city"].Value);
    }

    [Fact]
    [Covers("Set-MauticContact")]
    public void A_piped_contact_names_the_contact_and_is_not_sent_back_as_field_values()
    {
        Ps.Seed(1);
        var r = Ok("Get-MauticContact -Id 1 | Set-MauticContact -FirstName Changed");
        var patch = r.Requests.Single(q => q.Method is "PATCH" or "PUT");
        Assert.Contains("\"firstname\":\"Changed\"", patch.Body);
        Assert.DoesNotContain("email", patch.Body);
    }

    [Fact]
    [Covers("Set-MauticContact")]
    public void Csv_rows_with_an_id_column_update_those_contacts()
    {
        Ps.Seed(2);
        Ok("[pscustomobject]@{ ContactId = 1; city = 'Rome' }, [pscustomobject]@{ Id = 2; city = 'Oslo' } | Set-MauticContact");
        Assert.Equal("Rome", State.Contacts[1].Fields["city"]);
        Assert.Equal("Oslo", State.Contacts[2].Fields["city"]);
    }

    [Fact]
    [Covers("Set-MauticContact")]
    public void A_missing_contact_is_ObjectNotFound_and_an_empty_change_InvalidArgument()
    {
        var r = Run("Set-MauticContact -Id 424242 -FirstName X; Set-MauticContact -Id 1");
        Assert.Equal(2, r.Errors.Count);
        Assert.Equal(ErrorCategory.ObjectNotFound, r.Errors[0].CategoryInfo.Category);
        Assert.Equal(424242L, r.Errors[0].TargetObject);
        Assert.Equal(ErrorCategory.InvalidArgument, r.Errors[1].CategoryInfo.Category);
        Assert.Contains("Nothing to change for contact 1", r.Errors[1].Exception.Message);
    }

    [Fact]
    [Covers("Remove-MauticContact")]
    public void Deletes_piped_ids_in_one_batch_and_reports_those_not_deleted()
    {
        Ps.Seed(3);
        var r = Run("1, 3, 424242 | ForEach-Object { [pscustomobject]@{ ContactId = $_ } } | Remove-MauticContact -Force -PassThru");
        Assert.Equal(new[] { 1L, 3L }, r.Output.Select(o => (long)o.Properties["id"].Value));
        var e = r.SingleError(ErrorCategory.ObjectNotFound, 424242L);
        Assert.Single(r.Requests, q => q.Path == "/api/contacts/batch/delete");
        Assert.Equal(new[] { 2L }, State.Contacts.Keys);
    }

    [Fact]
    [Covers("Remove-MauticContact")]
    public void Remove_takes_the_id_positionally_and_by_its_alias_and_is_quiet_without_PassThru()
    {
        Ps.Seed(2);
        Assert.Empty(Ok("Remove-MauticContact 1 -Confirm:$false; Remove-MauticContact -ContactId 2 -Force").Output);
        Assert.Empty(State.Contacts);
    }

    [Fact]
    [Covers("Get-MauticContactSegment")]
    public void A_contacts_segments_by_id_alias_and_pipeline()
    {
        Ps.Seed(2);
        lock (State.Sync) { State.Segments[1].Members.Add(1); State.Segments[3].Members.Add(1); }
        var r = Run("Get-MauticContactSegment 1; Get-MauticContactSegment -ContactId 2; Get-MauticContact -Id 1 | Get-MauticContactSegment; Get-MauticContactSegment -Id 424242");
        Assert.Equal(new[] { "Newsletter", "Webinar 2026", "Newsletter", "Webinar 2026" }, r.Output.Select(o => (string)o.Properties["name"].Value));
        Assert.All(r.Output, o => Assert.Equal("Mautic.Segment", o.TypeNames[0]));
        var e = r.SingleError(ErrorCategory.ObjectNotFound, 424242L);
    }

    [Fact]
    public void Select_keeps_the_id_and_the_chosen_properties_and_asks_for_the_minimal_form_when_it_can()
    {
        Ps.Connect();
        Ok("New-MauticContact -Email 'sel1@example.com' -FirstName 'Ann' -Tag vip");
        var trimmed = Ok("Get-MauticContact -Search 'sel1@example.com' -Select Email, FirstName");
        var one = trimmed.Output.Single();
        Assert.Equal(new[] { "id", "email", "firstname" }, one.Properties.Select(p => p.Name));
        Assert.Equal("Ann", one.Properties["firstname"].Value);
        Assert.Equal("Mautic.Contact", one.TypeNames[0]);
        Assert.Contains(trimmed.Requests, q => q.Path == "/api/contacts" && q.Query.Contains("minimal=1"));

        // tags are among what minimal leaves out: the full form is read
        var tagged = Ok("Get-MauticContact -Search 'sel1@example.com' -Select email, tags");
        Assert.Equal("vip", tagged.Output.Single().Properties["tags"].Value?.ToString());
        Assert.DoesNotContain(tagged.Requests, q => q.Query.Contains("minimal"));

        var byEmail = Ok("Get-MauticContact -Email 'sel1@example.com' -Select lastname");
        Assert.Equal(new[] { "id", "lastname" }, byEmail.Output.Single().Properties.Select(p => p.Name));
    }

    [Fact]
    public void Select_with_a_name_contacts_do_not_have_stops_naming_it()
    {
        Ps.Connect();
        Ok("New-MauticContact -Email 'sel2@example.com'");
        var r = Run("Get-MauticContact -Search 'sel2@example.com' -Select emial");
        Assert.Equal(ErrorCategory.InvalidArgument, r.Terminating!.CategoryInfo.Category);
        Assert.Contains("'emial'", r.Terminating.Exception.Message);
        Assert.Empty(r.Output);
    }

    [Theory]
    [InlineData("Basic", "", "1000")]
    [InlineData("ClientCredentials", "", "500")]
    [InlineData("Basic", "-PageSize 200", "200")]
    public void Listings_default_to_larger_pages_under_HTTP_Basic_whose_every_request_costs_Mautic_a_bcrypt(string how, string extra, string limit)
    {
        Ps.Connect(how);
        var r = Ok("Get-MauticContact " + extra);
        Assert.All(r.Api.Where(q => q.Path == "/api/contacts"), q => Assert.Equal(limit, q.Q("limit")));
        Assert.NotEmpty(r.Api.Where(q => q.Path == "/api/contacts"));
    }
}
