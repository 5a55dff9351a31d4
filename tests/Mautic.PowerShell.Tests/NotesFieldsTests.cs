using System.Management.Automation;

namespace MauticPS.InProcess;

/// <summary>What notes and custom fields do beyond the generic area theories (EntityAreaTests runs those for both).</summary>
public sealed class NotesFieldsTests : PsTest
{
    // Every test runspace gives New-MauticNote -Property @{ lead = 1 } by default (EntityAreaTests.Areas); the scripts
    // that mean the rows' own contacts pass -Property @{} to drop it.
    public NotesFieldsTests()
    {
        Ps.Seed(3);
        Ps.Connect();
    }

    [Fact]
    [Covers("New-MauticNote")]
    public void A_piped_contact_names_the_note_s_contact_and_lends_none_of_its_fields()
    {
        var r = Ok("Get-MauticContact -Email a2@example.com | New-MauticNote -Text 'Called' -Type call -DateTime ([datetime]::new(2026, 3, 14, 10, 30, 0, [DateTimeKind]::Utc))");
        var note = Assert.Single(r.Output);
        Assert.Equal("Mautic.Note", note.TypeNames[0]);
        Assert.Equal(2L, note.Properties["lead"].Value);                 // the contact, as its id, not the whole contact
        Assert.Equal("call", note.Properties["type"].Value);
        Assert.Equal(new DateTime(2026, 3, 14, 10, 30, 0, DateTimeKind.Utc), ((DateTime)note.Properties["dateTime"].Value).ToUniversalTime());
        var sent = r.Requests.Single(q => q.Path == "/api/notes/new");
        Assert.DoesNotContain("email", sent.Body);
        Assert.Contains("\"lead\":2", sent.Body);
        Assert.Contains("2026-03-14 10:30:00", sent.Body);
    }

    [Fact]
    [Covers("New-MauticNote")]
    public void A_batch_refuses_notes_without_or_with_an_unknown_contact_before_sending_and_saves_the_others()
    {
        // Mautic 5.1.0 would fail the whole batch with a 500 after saving the notes before the bad one.
        var r = Run("[pscustomobject]@{ text = 'a'; lead = 1 }, [pscustomobject]@{ text = 'no contact' }, " +
                    "[pscustomobject]@{ text = 'ghost'; ContactId = 424242 }, [pscustomobject]@{ text = 'c'; ContactId = 3 } | New-MauticNote -Property @{}");
        Assert.Equal(new[] { "a", "c" }, r.Output.Select(o => (string)o.Properties["text"].Value).Order());
        Assert.Equal(2, r.Errors.Count);
        var missing = r.Errors.Single(e => e.CategoryInfo.Category == ErrorCategory.InvalidArgument);
        Assert.Equal("no contact", ((PSObject)missing.TargetObject).Properties["text"].Value);
        var ghost = r.Errors.Single(e => e.CategoryInfo.Category == ErrorCategory.ObjectNotFound);
        Assert.Contains("424242", ghost.Exception.Message);
        var lookup = r.Requests.Single(q => q.Path == "/api/contacts");
        Assert.Equal("in", lookup.Q("where[0][expr]"));
        var batch = r.Requests.Single(q => q.Path == "/api/notes/batch/new");
        Assert.DoesNotContain("ghost", batch.Body);
        Assert.Equal(2, State.Notes.Rows.Count);
    }

    [Fact]
    [Covers("Set-MauticNote")]
    public void Set_changes_the_text_and_type_and_Replace_resets_what_is_not_given()
    {
        var id = (long)Ok("New-MauticNote -ContactId 1 -Text first -Type meeting -DateTime '2026-01-02 03:04:05'").Output.Single().Properties["id"].Value;
        var patched = Ok($"Set-MauticNote {id} -Text second -PassThru").Output.Single();
        Assert.Equal("second", patched.Properties["text"].Value);
        Assert.Equal("meeting", patched.Properties["type"].Value);
        var put = Ok($"Set-MauticNote {id} -Text third -Replace -PassThru").Output.Single();
        Assert.Null(put.Properties["type"].Value);                     // PUT resets type and dateTime (measured), the contact stays
        Assert.Null(put.Properties["dateTime"].Value);
        Assert.Equal(1L, put.Properties["lead"].Value);
        var bad = Run($"Set-MauticNote {id} -Property @{{ lead = 424242 }}");
        bad.SingleError(ErrorCategory.ObjectNotFound, id);
    }

    [Fact]
    [Covers("Get-MauticContactNote")]
    public void A_contact_s_notes_newest_first_paged_to_the_end_with_the_contact_s_id()
    {
        Ok("1..120 | ForEach-Object { [pscustomobject]@{ text = \"n$_\"; lead = 2 } } | New-MauticNote -Property @{} | Out-Null; New-MauticNote -ContactId 1 -Text other");
        lock (State.Sync)
        {
            // Mautic orders by dateAdded in whole seconds, the same second in id order: make n120 a minute newer.
            var last = State.Notes.Rows.Values.Single(n => n.Text("text") == "n120");
            last.DateAdded = DateTime.UtcNow.AddMinutes(1);
            foreach (var n in State.Notes.Rows.Values.Where(n => n != last)) n.DateAdded = DateTime.UtcNow.AddMinutes(-1);
        }
        var r = Run("Get-MauticContactNote 2; Get-MauticContact -Id 1 | Get-MauticContactNote; Get-MauticContactNote -ContactId 424242");
        Assert.Equal(121, r.Output.Count);
        Assert.Equal("n120", r.Output[0].Properties["text"].Value);      // newest first
        Assert.Equal("n1", r.Output[1].Properties["text"].Value);        // then the same second in id order
        Assert.All(r.Output.Take(120), o => Assert.Equal(2L, o.Properties["lead"].Value));
        Assert.Equal(1L, r.Output[120].Properties["lead"].Value);
        Assert.All(r.Output, o => Assert.Equal("Mautic.Note", o.TypeNames[0]));
        r.SingleError(ErrorCategory.ObjectNotFound, 424242L);
        Assert.Equal(new[] { "0", "100" }, r.Requests.Where(q => q.Path == "/api/contacts/2/notes").Select(q => q.Q("start")));
    }

    [Fact]
    public void Deleting_a_contact_deletes_its_notes()
    {
        Ok("New-MauticNote -ContactId 3 -Text bye | Out-Null; Remove-MauticContact 3 -Force");
        Assert.Empty(Ok("Get-MauticNote").Output);
    }

    [Fact]
    [Covers("Get-MauticField", "List")]
    [Covers("New-MauticField")]
    [Covers("Set-MauticField")]
    [Covers("Remove-MauticField")]
    public void Object_Company_uses_the_company_routes_and_the_two_objects_share_one_id_sequence()
    {
        var made = Ok("New-MauticField -Object Company -Label 'Seats' -Type number -Group professional; New-MauticField -Label 'Plan' -Alias plan -Type select -Property @{ properties = @{ list = @(@{ label = 'Free'; value = 'free' }) } }").Output;
        Assert.Equal(new[] { "company", "lead" }, made.Select(o => (string)o.Properties["object"].Value));
        Assert.Equal("seats", made[0].Properties["alias"].Value);       // made from the label
        var companyId = (long)made[0].Properties["id"].Value;
        Assert.Equal(companyId + 1, (long)made[1].Properties["id"].Value);
        var company = Ok("Get-MauticField -Object Company").Output;
        Assert.All(company, o => Assert.Equal("company", o.Properties["object"].Value));
        Assert.Contains(company, o => (string)o.Properties["alias"].Value == "companyname");
        Assert.DoesNotContain(Ok("Get-MauticField").Output, o => (string)o.Properties["object"].Value == "company");

        var set = Ok($"Set-MauticField -Object Company {companyId} -Label 'Licensed seats' -Property @{{ alias = 'changed' }} -PassThru");
        Assert.Single(set.Requests, q => q.Path == $"/api/fields/company/{companyId}/edit");
        Assert.Equal("seats", set.Output.Single().Properties["alias"].Value);   // the alias is fixed once made
        var dup = Run("New-MauticField -Label 'Another plan' -Alias plan");
        Assert.Equal(ErrorCategory.InvalidData, Assert.Single(dup.Errors).CategoryInfo.Category);
        var removed = Ok($"Remove-MauticField -Object Company {companyId} -Force -PassThru");
        Assert.Single(removed.Requests, q => q.Path == $"/api/fields/company/{companyId}/delete");
    }

    [Fact]
    [Covers("Get-MauticField", "ById")]
    public void A_field_by_id_carries_its_settings()
    {
        var f = Ok("Get-MauticField -Id 6").Output.Single();
        Assert.Equal("Mautic.Field", f.TypeNames[0]);
        Assert.Equal("email", f.Properties["alias"].Value);
        Assert.Equal("lead", f.Properties["object"].Value);
    }

    [Fact]
    [Covers("Get-MauticField", "Published")]
    public void Published_reads_the_short_list_once_and_keeps_the_fields_of_the_object_asked_for()
    {
        var id = (long)Ok("New-MauticField -Label 'Hidden one' -Property @{ isPublished = $false }").Output.Single().Properties["id"].Value;
        var contact = Ok("Get-MauticField -Published");
        Assert.Single(contact.Requests, q => q.Path == "/api/contacts/list/fields");
        Assert.All(contact.Output, o => Assert.Equal("lead", o.Properties["object"].Value));
        Assert.Contains(contact.Output, o => (string)o.Properties["alias"].Value == "email");
        Assert.DoesNotContain(contact.Output, o => (long)o.Properties["id"].Value == id);
        var company = Ok("Get-MauticField -Published -Object Company -Skip 1 -First 2");
        Assert.Equal(2, company.Output.Count);
        Assert.All(company.Output, o => Assert.Equal("company", o.Properties["object"].Value));
    }
}
