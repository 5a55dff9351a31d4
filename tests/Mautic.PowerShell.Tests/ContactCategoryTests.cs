using System.Management.Automation;
using Mautic.FakeServer;

namespace MauticPS.InProcess;

/// <summary>
/// Contacts' category subscriptions: read on any version from the lead_categories stats table, written on Mautic 7
/// through /api/v2/contactcategories, against the fake as 7.0.0 (writes) and as 5.1.0 (the gate, and reading).
/// </summary>
public sealed class ContactCategoryTests : PsTest
{
    public ContactCategoryTests() => Ps.Seed(3);

    /// <summary>Connects with the fake at <paramref name="version"/> and makes the category News (id 1).</summary>
    void Connect(string version = "7.0.0")
    {
        State.Version = version;
        Ps.Connect();
        Ok("$null = New-MauticCategory -Name News -Property @{ bundle = 'global' }");
    }

    /// <summary>A row put straight into the fake (duplicates, removed rows), as Mautic may already hold them.</summary>
    long Row(long contact, long category, bool added = true, bool removed = false)
    {
        lock (State.Sync)
        {
            var r = new ContactCategory { Id = State.NextContactCategoryId++, ContactId = contact, CategoryId = category, DateAdded = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), ManuallyAdded = added, ManuallyRemoved = removed };
            State.ContactCategories[r.Id] = r;
            return r.Id;
        }
    }

    static int V2(PsResult r) => r.Requests.Count(q => q.Path.StartsWith("/api/v2", StringComparison.Ordinal));

    [Theory]
    [InlineData("Add-MauticContactCategory -Category 1 -ContactId 1")]
    [InlineData("Add-MauticContactCategory -Category News -ContactId 1")]
    [InlineData("Remove-MauticContactCategory -Category 1 -ContactId 1 -Force")]
    [InlineData("Set-MauticContactCategory -Id 1 -ManuallyRemoved $true")]
    public void On_5_1_every_write_stops_at_once_with_the_gates_text_and_sends_nothing(string script)
    {
        Connect("5.1.0");
        var r = Run(script);
        Assert.NotNull(r.Terminating);
        Assert.Equal(ErrorCategory.NotImplemented, r.Terminating!.CategoryInfo.Category);
        Assert.EndsWith("needs Mautic 7.0 or later; this server is 5.1.0.", r.Terminating.Exception.Message);
        Assert.Equal(0, V2(r));
        Assert.Empty(r.Mutating);
        Assert.DoesNotContain(r.Requests, q => q.Path.StartsWith("/api/categories", StringComparison.Ordinal));   // not even the name looked up
    }

    [Fact]
    [Covers("Get-MauticContactCategory")]
    public void Reading_works_on_5_1_with_typed_values_and_the_category_title()
    {
        Connect("5.1.0");
        Ok("$null = New-MauticCategory -Name Offers -Property @{ bundle = 'global' }");
        Row(1, 1);
        Row(1, 2, added: false, removed: true);
        Row(2, 2);
        var r = Ok("Get-MauticContactCategory -ContactId 1");
        Assert.Equal(2, r.Output.Count);
        var first = r.Output[0];
        Assert.Equal("Mautic.ContactCategory", first.TypeNames[0]);
        Assert.Equal(new object[] { 1L, 1L, 1L, "News", new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc), true, false },
            new[] { "Id", "ContactId", "CategoryId", "Category", "DateAdded", "ManuallyAdded", "ManuallyRemoved" }.Select(p => first.Properties[p].Value));
        Assert.Equal(DateTimeKind.Utc, ((DateTime)first.Properties["DateAdded"].Value).Kind);
        Assert.Equal(("Offers", false, true), ((string)r.Output[1].Properties["Category"].Value, (bool)r.Output[1].Properties["ManuallyAdded"].Value, (bool)r.Output[1].Properties["ManuallyRemoved"].Value));
        Assert.Single(r.Requests, q => q.Path == "/api/stats/lead_categories");
        Assert.Empty(r.Mutating);

        var filtered = Ok("Get-MauticContact -Id 1, 2 | Get-MauticContactCategory -Category Offers");
        Assert.Equal(new[] { (1L, 2L), (2L, 2L) }, filtered.Output.Select(o => ((long)o.Properties["ContactId"].Value, (long)o.Properties["CategoryId"].Value)));
        Assert.Equal(1, filtered.Requests.Count(q => q.Path == "/api/categories/2"));   // each title read once per call

        Assert.Empty(Ok("Get-MauticContactCategory 3").Output);
        var missing = Run("Get-MauticContactCategory 424242, 1");
        missing.SingleError(ErrorCategory.ObjectNotFound, 424242L);
        Assert.Equal(2, missing.Output.Count);
    }

    [Fact]
    [Covers("Get-MauticContactCategory")]
    public void An_object_of_another_kind_is_refused_and_a_category_that_does_not_exist_stops_the_read()
    {
        Connect("5.1.0");
        var segment = Run("Get-MauticSegment -Id 1 | Get-MauticContactCategory");
        segment.SingleError(ErrorCategory.InvalidArgument, segment.Errors.Single().TargetObject);
        Assert.DoesNotContain(segment.Requests, q => q.Path.StartsWith("/api/stats", StringComparison.Ordinal));
        var unknown = Run("Get-MauticContactCategory 1 -Category 'No such'");
        Assert.Equal(ErrorCategory.ObjectNotFound, unknown.Terminating!.CategoryInfo.Category);
        Assert.Equal("No such", unknown.Terminating.TargetObject);
    }

    [Fact]
    [Covers("Add-MauticContactCategory")]
    public void Add_posts_a_row_for_a_new_pair_leaves_a_subscribed_one_and_patches_an_unsubscribed_one()
    {
        Connect();
        Row(2, 1, added: false, removed: true);
        var before = DateTime.UtcNow.AddSeconds(-1);
        var r = Ok("Add-MauticContactCategory -Category News -ContactId 1, 2, 1 -PassThru -Verbose");
        Assert.Equal(new[] { 1L, 2L, 1L }, r.Output.Select(o => (long)o.Properties["ContactId"].Value));
        Assert.All(r.Output, o => Assert.Equal((true, false, "News"), ((bool)o.Properties["ManuallyAdded"].Value, (bool)o.Properties["ManuallyRemoved"].Value, (string)o.Properties["Category"].Value)));
        Assert.Equal(r.Output[0].Properties["Id"].Value, r.Output[2].Properties["Id"].Value);   // a contact given twice is done once

        // one read of the batch's rows, then one POST for contact 1 and one PATCH for contact 2's removed row
        var read = Assert.Single(r.Requests, q => q.Path == "/api/stats/lead_categories");
        Assert.Contains("where%5B0%5D%5Bexpr%5D=in", read.Query);
        var post = Assert.Single(r.Requests, q => q.Method == "POST");
        Assert.Equal("/api/v2/contactcategories", post.Path);
        var body = System.Text.Json.Nodes.JsonNode.Parse(post.Body)!;
        Assert.Equal(("/api/v2/categories/1", "/api/v2/contacts/1", true, false), ((string)body["category"]!, (string)body["lead"]!, (bool)body["manuallyAdded"]!, (bool)body["manuallyRemoved"]!));
        Assert.InRange(DateTimeOffset.Parse((string)body["dateAdded"]!).UtcDateTime, before, DateTime.UtcNow.AddSeconds(1));
        var patch = Assert.Single(r.Requests, q => q.Method == "PATCH");
        Assert.Equal(("/api/v2/contactcategories/1", """{"manuallyAdded":true,"manuallyRemoved":false}"""), (patch.Path, patch.Body));

        var again = Ok("Add-MauticContactCategory News 1, 2 -Verbose");
        Assert.Empty(again.Mutating);
        Assert.Contains(again.Verbose, v => v.Message.Contains("Contact 1 is already subscribed to category 1"));
        Assert.Equal(2, State.ContactCategories.Count);

        var preview = Run("Add-MauticContactCategory News 3 -WhatIf");
        Assert.Empty(preview.Mutating);
    }

    [Fact]
    [Covers("Add-MauticContactCategory")]
    public void A_missing_contact_is_an_error_carrying_its_id_and_a_missing_category_stops_before_anything_changes()
    {
        Connect();
        var r = Run("Add-MauticContactCategory -Category 1 -ContactId 424242, 3");
        var e = r.SingleError(ErrorCategory.ObjectNotFound, 424242L);
        Assert.StartsWith("Contact 424242 was not found.", e.Exception.Message);
        Assert.Single(State.ContactCategories.Values, c => c.ContactId == 3);

        var category = Run("Add-MauticContactCategory -Category 99 -ContactId 1");
        Assert.Equal(ErrorCategory.ObjectNotFound, category.Terminating!.CategoryInfo.Category);
        Assert.StartsWith("Category 99 was not found.", category.Terminating.Exception.Message);
        Assert.Empty(category.Mutating);
        var contact = Run("Get-MauticContact -Id 1 | Add-MauticContactCategory -Category (Get-MauticContact -Id 2)");
        Assert.Equal(ErrorCategory.InvalidArgument, contact.Terminating!.CategoryInfo.Category);
        Assert.Empty(contact.Mutating);
    }

    [Fact]
    [Covers("Remove-MauticContactCategory")]
    public void Remove_deletes_every_row_of_the_pair_and_a_contact_without_one_is_a_verbose_line()
    {
        Connect();
        var a = Row(1, 1);
        var b = Row(1, 1, added: false);
        Ok("$null = New-MauticCategory -Name Offers -Property @{ bundle = 'global' }");
        var other = Row(1, 2);
        var r = Ok("Get-MauticContact -Id 1, 2 | Remove-MauticContactCategory -Category (Get-MauticCategory -Id 1) -Force -PassThru -Verbose");
        Assert.Equal(new[] { $"/api/v2/contactcategories/{a}", $"/api/v2/contactcategories/{b}" }, r.Mutating.Select(q => q.Path));
        Assert.All(r.Mutating, q => Assert.Equal("DELETE", q.Method));
        Assert.Equal(b, (long)Assert.Single(r.Output).Properties["Id"].Value);
        Assert.Contains(r.Verbose, v => v.Message.Contains("Contact 2 is not subscribed to category 1"));
        Assert.Equal(new[] { other }, State.ContactCategories.Keys);

        var missing = Run("Remove-MauticContactCategory News 424242 -Force");
        missing.SingleError(ErrorCategory.ObjectNotFound, 424242L);
        var preview = Run("Remove-MauticContactCategory Offers 1 -Force -WhatIf");
        Assert.Empty(preview.Mutating);
    }

    [Fact]
    [Covers("Set-MauticContactCategory")]
    public void Set_patches_what_is_given_and_Replace_puts_the_whole_row()
    {
        Connect();
        var id = Row(1, 1);
        var r = Ok("Get-MauticContactCategory 1 | Set-MauticContactCategory -ManuallyRemoved $true -PassThru");
        Assert.True((bool)Assert.Single(r.Output).Properties["ManuallyRemoved"].Value);
        Assert.True((bool)r.Output[0].Properties["ManuallyAdded"].Value);   // a merge patch keeps what it does not send
        Assert.Equal(("PATCH", $"/api/v2/contactcategories/{id}", """{"manuallyRemoved":true}"""), (r.Mutating.Single().Method, r.Mutating.Single().Path, r.Mutating.Single().Body));

        var replaced = Ok($"Set-MauticContactCategory -Id {id} -Replace -DateAdded '2025-05-06T07:08:09Z' -PassThru");
        var put = Assert.Single(replaced.Mutating);
        Assert.Equal("PUT", put.Method);
        Assert.Equal("""{"category":"/api/v2/categories/1","lead":"/api/v2/contacts/1","dateAdded":"2025-05-06T07:08:09+00:00","manuallyAdded":false,"manuallyRemoved":false}""", put.Body);
        var o = Assert.Single(replaced.Output);
        Assert.Equal((false, false, new DateTime(2025, 5, 6, 7, 8, 9, DateTimeKind.Utc)), ((bool)o.Properties["ManuallyAdded"].Value, (bool)o.Properties["ManuallyRemoved"].Value, (DateTime)o.Properties["DateAdded"].Value));

        var nothing = Run($"Set-MauticContactCategory -Id {id}");
        nothing.SingleError(ErrorCategory.InvalidArgument, id);
        var contact = Run("Get-MauticContact -Id 1 | Set-MauticContactCategory -ManuallyAdded $true");
        Assert.Equal(ErrorCategory.InvalidArgument, Assert.Single(contact.Errors).CategoryInfo.Category);
        var gone = Run("Set-MauticContactCategory -Id 424242 -ManuallyAdded $true");
        gone.SingleError(ErrorCategory.ObjectNotFound, 424242L);
        var preview = Run($"Set-MauticContactCategory -Id {id} -Replace -WhatIf");
        Assert.Empty(preview.Requests.Where(q => q.Path.StartsWith("/api/v2", StringComparison.Ordinal)));
        Assert.Equal(0, V2(nothing) + V2(contact));
    }
}
