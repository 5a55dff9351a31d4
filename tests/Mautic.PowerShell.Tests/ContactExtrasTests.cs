using System.Management.Automation;

namespace MauticPS.InProcess;

/// <summary>
/// What hangs off a contact: do-not-contact, UTM tags, points and point-group scores, devices, companies, activity,
/// the segments a user may use, several contacts by id in one request, and contacts' PUT.
/// </summary>
public sealed class ContactExtrasTests : PsTest
{
    public ContactExtrasTests()
    {
        Ps.Seed(3);
        Ps.Connect();
    }

    static object? P(PSObject o, string name) => PsResult.Unwrap(o.Properties[name]?.Value);

    long Group(string name = "G") => (long)P(Ok($"New-MauticPointGroup -Name '{name}'").Output.Single(), "id")!;

    [Fact]
    [Covers("Add-MauticContactDoNotContact")]
    public void Piped_contacts_get_a_do_not_contact_entry_each_with_the_reason_by_name_and_a_missing_one_is_an_error()
    {
        var r = Run("Get-MauticContact -Id 1, 2 | Add-MauticContactDoNotContact -Reason Unsubscribed -Comments 'by phone' -ThrottleLimit 2 -PassThru; Add-MauticContactDoNotContact 987654 -Channel sms");
        Assert.Equal(2, r.Output.Count);
        Assert.All(r.Output, o => Assert.Equal("Mautic.Contact", o.TypeNames[0]));
        Assert.Equal("a1@example.com", P(r.Output[0], "email"));   // the answer's fields come flattened too
        Assert.Equal(2, r.Requests.Count(q => q.Method == "POST" && q.Path.EndsWith("/dnc/email/add")));
        Assert.Contains("\"reason\":1", r.Requests.First(q => q.Path == "/api/contacts/1/dnc/email/add").Body);
        r.SingleError(ErrorCategory.ObjectNotFound, 987654L);
        Assert.Equal(1, State.Contacts[1].Dnc.Single().Reason);
        Assert.Equal("by phone", State.Contacts[2].Dnc.Single().Comments);
        Assert.Empty(State.Contacts[3].Dnc);
    }

    [Fact]
    public void Adding_on_a_channel_that_has_an_entry_keeps_the_old_reason_and_WhatIf_sends_nothing()
    {
        Ok("Add-MauticContactDoNotContact 1 -Reason Bounced -ChannelId 7");
        Ok("Add-MauticContactDoNotContact 1");
        var entry = State.Contacts[1].Dnc.Single();
        Assert.Equal(2, entry.Reason);
        Assert.Equal(7L, entry.ChannelId);
        Assert.Empty(Ok("Add-MauticContactDoNotContact 2 -WhatIf").Mutating);
        Assert.Empty(State.Contacts[2].Dnc);
    }

    [Fact]
    public void A_reason_that_is_not_one_of_Mauticks_three_is_refused_by_binding()
    {
        var r = Run("Add-MauticContactDoNotContact 1 -Reason 7");
        Assert.NotNull(r.Terminating);
        Assert.Empty(r.Mutating);
        Assert.Empty(State.Contacts[1].Dnc);
    }

    [Fact]
    [Covers("Remove-MauticContactDoNotContact")]
    public void Removes_the_entry_with_Force_says_so_when_there_was_none_and_WhatIf_sends_nothing()
    {
        Ok("1, 2 | Add-MauticContactDoNotContact -Channel sms");
        Assert.Empty(Ok("Remove-MauticContactDoNotContact 1 -Channel sms -WhatIf").Mutating);
        var r = Ok("1, 3 | Remove-MauticContactDoNotContact -Channel sms -Force -PassThru -Verbose");
        Assert.Equal(new long[] { 1, 3 }, r.Output.Select(o => (long)P(o, "id")!));
        Assert.Empty(State.Contacts[1].Dnc);
        Assert.Single(State.Contacts[2].Dnc);
        Assert.Contains(r.Verbose, v => v.Message.Contains("Contact 3 had no do-not-contact entry on sms"));
        Run("Remove-MauticContactDoNotContact 987654 -Force").SingleError(ErrorCategory.ObjectNotFound, 987654L);
    }

    [Fact]
    [Covers("Add-MauticContactUtm")]
    public void Records_utm_tags_from_parameters_and_from_csv_rows_and_an_empty_set_is_refused_per_contact()
    {
        var r = Ok("Add-MauticContactUtm 1, 2 -Campaign spring -Source nl -Medium email -Query @{ gclid = 'x' } -UserAgent 'UA 1' -LastActive '2026-01-02 10:00:00Z' -PassThru");
        Assert.Equal(2, r.Output.Count);
        var body = r.Requests.First(q => q.Path == "/api/contacts/1/utm/add").Body;
        Assert.Contains("\"utm_campaign\":\"spring\"", body);
        Assert.Contains("\"lastActive\":\"2026-01-02 10:00:00\"", body);
        Assert.Equal("spring", State.Contacts[2].Utm.Single().Values["utm_campaign"]);
        Assert.Single(State.Stores["devices"].Rows.Values, d => d["lead"] is long l && l == 1);

        Ok("[pscustomobject]@{ Id = 3; utm_source = 'csv'; utm_term = 't' } | Add-MauticContactUtm");
        Assert.Equal("csv", State.Contacts[3].Utm.Single().Values["utm_source"]);
        Assert.Equal("t", State.Contacts[3].Utm.Single().Values["utm_term"]);

        var empty = Run("Add-MauticContactUtm 3");
        empty.SingleError(ErrorCategory.InvalidArgument, 3L);
        Assert.Empty(empty.Mutating);
    }

    [Fact]
    [Covers("Remove-MauticContactUtm")]
    public void Deletes_utm_entries_by_id_and_one_the_contact_lacks_is_ObjectNotFound()
    {
        Ok("Add-MauticContactUtm 1 -Source a; Add-MauticContactUtm 1 -Source b");
        var ids = State.Contacts[1].Utm.Select(u => u.Id).ToList();
        Assert.Empty(Ok($"Remove-MauticContactUtm 1 {ids[0]} -WhatIf").Mutating);
        var r = Run($"{ids[0]}, 99999 | Remove-MauticContactUtm -ContactId 1 -Force -PassThru");
        Assert.Single(r.Output);
        r.SingleError(ErrorCategory.ObjectNotFound, 99999L);
        Assert.Contains("has no UTM tag 99999", r.Errors.Single().Exception.Message);
        Assert.Equal(ids[1], State.Contacts[1].Utm.Single().Id);
    }

    [Fact]
    [Covers("Add-MauticContactPoint", "Contact")]
    public void Points_change_with_friendly_operators_negative_Add_is_sent_as_minus_and_PassThru_reads_the_contact_back()
    {
        var r = Ok("1, 2 | Add-MauticContactPoint -Points 10 -EventName Webinar; Add-MauticContactPoint 1 -Points -4 -PassThru; Add-MauticContactPoint 2 3 -Operator '*'; Add-MauticContactPoint 2 4 -Operator Divide");
        Assert.Contains(r.Requests, q => q.Path == "/api/contacts/1/points/plus/10" && q.Body.Contains("Webinar"));
        Assert.Contains(r.Requests, q => q.Path == "/api/contacts/1/points/minus/4");
        Assert.Equal(6, (int)Convert.ToInt64(P(r.Output.Single(), "points")));
        Assert.Equal(6, State.Contacts[1].Points);
        Assert.Equal(8, State.Contacts[2].Points);   // (10 * 3) / 4 = 7.5, rounded half away from zero as PHP does
        Run("Add-MauticContactPoint 987654 1").SingleError(ErrorCategory.ObjectNotFound, 987654L);
    }

    [Fact]
    public void A_division_by_zero_is_refused_before_anything_is_sent()
    {
        var r = Run("1, 2 | Add-MauticContactPoint -Points 0 -Operator /");
        Assert.Equal(ErrorCategory.InvalidArgument, r.Terminating!.CategoryInfo.Category);
        Assert.Empty(r.Mutating);
    }

    [Fact]
    [Covers("Add-MauticContactPoint", "PointGroup")]
    public void Group_scores_change_per_contact_and_an_uneven_division_is_explained()
    {
        var g = Group();
        var r = Ok($"1, 2 | Add-MauticContactPoint -Points 5 -PointGroupId {g} -PassThru");
        Assert.All(r.Output, o => Assert.Equal("Mautic.ContactPointGroupScore", o.TypeNames[0]));
        Assert.Equal(new long[] { 1, 2 }, r.Output.Select(o => (long)P(o, "ContactId")!));
        Assert.Equal(g, P(r.Output[0], "PointGroupId"));
        Assert.Equal("G", P(r.Output[0], "PointGroupName"));
        var odd = Run($"Add-MauticContactPoint 1 2 -Operator / -PointGroupId {g}");
        Assert.Contains("does not come out whole", odd.SingleError(ErrorCategory.ConnectionError, 1L).Exception.Message);
        Assert.Equal(5, State.Contacts[1].GroupScores[g]);
        Run($"Add-MauticContactPoint 1 2 -PointGroupId 999").SingleError(ErrorCategory.ObjectNotFound, 1L);
    }

    [Fact]
    [Covers("Set-MauticContactPoint", "Contact")]
    public void Set_edits_the_points_field_in_one_batch_for_piped_contacts()
    {
        var r = Ok("1, 2, 3 | Set-MauticContactPoint -Points 42 -PassThru");
        Assert.Equal(3, r.Output.Count);
        Assert.Single(r.Mutating, q => q.Path == "/api/contacts/batch/edit" && q.Method == "PATCH");
        Assert.All(new long[] { 1, 2, 3 }, id => Assert.Equal(42, State.Contacts[id].Points));
        Run("Set-MauticContactPoint 987654 1").SingleError(ErrorCategory.ObjectNotFound, 987654L);
    }

    [Fact]
    [Covers("Set-MauticContactPoint", "PointGroup")]
    [Covers("Get-MauticContactPointGroup")]
    public void Set_puts_a_group_score_with_the_set_operator_and_Get_reads_it_back_with_zero_for_no_score()
    {
        var g = Group("Set");
        var other = Group("Other");
        Ok($"Set-MauticContactPoint 1 -Points 9 -PointGroupId {g}");
        Assert.Equal(9, State.Contacts[1].GroupScores[g]);
        var all = Ok("Get-MauticContactPointGroup -Id 1").Output.Single();
        Assert.Equal(9L, Convert.ToInt64(P(all, "score")));
        var none = Ok($"Get-MauticContactPointGroup 1 {other}").Output.Single();
        Assert.Equal(0L, Convert.ToInt64(P(none, "score")));
        Assert.Equal(other, P(none, "PointGroupId"));
        Run("Get-MauticContactPointGroup 987654").SingleError(ErrorCategory.ObjectNotFound, 987654L);
    }

    [Fact]
    [Covers("Get-MauticContactDevice")]
    public void Devices_come_from_user_agents_and_carry_the_contact_id()
    {
        Ok("Add-MauticContactUtm 2 -UserAgent 'UA one' -Source s");
        var r = Run("Get-MauticContactDevice 1, 2, 987654");
        var d = r.Output.Single();
        Assert.Equal("Mautic.ContactDevice", d.TypeNames[0]);
        Assert.Equal(2L, P(d, "ContactId"));
        r.SingleError(ErrorCategory.ObjectNotFound, 987654L);
    }

    [Fact]
    [Covers("Get-MauticContactCompany")]
    public void Companies_of_a_contact_are_its_membership_rows()
    {
        var company = State.AddCompany("Acme contact co").Id;
        Ok($"Add-MauticCompanyMember -CompanyId {company} -ContactId 1");
        var r = Ok("Get-MauticContact -Id 1 | Get-MauticContactCompany");
        var row = r.Output.Single();
        Assert.Equal("Mautic.ContactCompany", row.TypeNames[0]);
        Assert.Equal(company, Convert.ToInt64(P(row, "company_id")));
        Assert.Equal(1L, P(row, "ContactId"));
    }

    [Fact]
    [Covers("Get-MauticContactActivity", "ByContact")]
    public void Activity_of_a_contact_walks_Mautics_per_type_pages_and_filters_by_type()
    {
        Ok("Add-MauticContactDoNotContact 1; 1..5 | ForEach-Object { Add-MauticContactPoint 1 $_ }; Add-MauticContactUtm 1 -Source s");
        var r = Ok("Get-MauticContactActivity -Id 1 -PageSize 2");
        Assert.Equal(7, r.Output.Count);
        Assert.All(r.Output, o => Assert.Equal("Mautic.ContactActivity", o.TypeNames[0]));
        Assert.Equal(3, r.Requests.Count(q => q.Path == "/api/contacts/1/activity"));   // point.gained has 5: pages of 2
        Assert.All(r.Output, o => Assert.Equal(1L, P(o, "contactId")));
        var points = Ok("Get-MauticContact -Id 1 | Get-MauticContactActivity -Type point.gained -First 2 -IncludeTotalCount");
        Assert.Equal(3, points.Output.Count);   // the total, then two events
        Assert.Contains("filters%5BincludeEvents%5D%5B%5D=point.gained", points.Requests.Last(q => q.Path.EndsWith("/activity")).Query);
        Run("Get-MauticContactActivity 987654").SingleError(ErrorCategory.ObjectNotFound, 987654L);
    }

    [Fact]
    [Covers("Get-MauticContactActivity", "All")]
    public void Activity_of_all_contacts_filters_by_date_and_excludes_types()
    {
        Ok("Add-MauticContactDoNotContact 1, 2; Add-MauticContactPoint 3 1");
        var r = Ok("Get-MauticContactActivity -ExcludeType point.gained -Since ([datetime]::UtcNow.AddHours(-1)) -Until ([datetime]::UtcNow.AddHours(1)) -Ascending");
        Assert.Equal(new long[] { 1, 2 }, r.Output.Select(o => (long)P(o, "contactId")!).Order());
        var q = r.Requests.Single(x => x.Path == "/api/contacts/activity").Query;
        Assert.Contains("filters%5BdateFrom%5D=", q);
        Assert.Contains("order%5B1%5D=ASC", q);
        Assert.Empty(Ok("Get-MauticContactActivity -Until ([datetime]::UtcNow.AddDays(-1))").Output);
    }

    [Fact]
    [Covers("Get-MauticSegment", "Available")]
    public void Available_segments_come_from_the_contacts_list_route()
    {
        var r = Ok("Get-MauticSegment -Available");
        Assert.Single(r.Requests, q => q.Path == "/api/contacts/list/segments");
        Assert.Equal(new[] { "Customers", "Newsletter", "Webinar 2026" }, r.Output.Select(o => (string)P(o, "name")!));
        Assert.All(r.Output, o => Assert.Equal("Mautic.Segment", o.TypeNames[0]));
    }

    [Fact]
    public void Several_ids_are_one_list_request_and_each_missing_id_is_an_error_carrying_it()
    {
        var r = Run("Get-MauticContact -Id 3, 987654, 1; 2, 987655 | Get-MauticContact");
        Assert.Equal(new long[] { 3, 1, 2 }, r.Output.Select(o => (long)P(o, "id")!));
        Assert.Equal(2, r.Requests.Count(q => q.Path == "/api/contacts" && q.Query.Contains("expr%5D=in")));
        Assert.Equal(new object[] { 987654L, 987655L }, r.Errors.Select(e => PsResult.Unwrap(e.TargetObject)));
        Assert.All(r.Errors, e => Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category));
        Assert.Single(Ok("Get-MauticContact -Id 2").Requests, q => q.Path == "/api/contacts/2");
    }

    [Fact]
    public void Replace_sends_PUT_which_empties_fields_not_sent_and_resets_points_but_keeps_tags()
    {
        State.Contacts[1].Points = 12;
        State.Contacts[1].Tags.Add("keep");
        var r = Ok("Set-MauticContact 1 -FirstName Only -Replace -PassThru; 2, 3 | ForEach-Object { [pscustomobject]@{ Id = $_; lastname = 'B' } } | Set-MauticContact -Replace");
        Assert.Single(r.Mutating, q => q.Method == "PUT" && q.Path == "/api/contacts/1/edit");
        Assert.Single(r.Mutating, q => q.Method == "PUT" && q.Path == "/api/contacts/batch/edit");
        Assert.Null(State.Contacts[1].Fields.GetValueOrDefault("email"));
        Assert.Equal("Only", State.Contacts[1].Fields["firstname"]);
        Assert.Equal(0, State.Contacts[1].Points);
        Assert.Contains("keep", State.Contacts[1].Tags);
        Assert.Null(State.Contacts[2].Fields.GetValueOrDefault("firstname"));
        Assert.Empty(Ok("Set-MauticContact 1 -FirstName X -Replace -WhatIf").Mutating);
    }
}
