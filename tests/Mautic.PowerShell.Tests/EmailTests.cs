using System.Management.Automation;

namespace MauticPS.InProcess;

/// <summary>What e-mails do beyond the generic area theories (EntityAreaTests runs those for e-mails): named fields, statistics, replies.</summary>
public sealed class EmailTests : PsTest
{
    public EmailTests()
    {
        Ps.Seed(3);
        lock (State.Sync) State.Segments[1].Members.Add(1);
        Ps.Connect();
        // Every test runspace gives New-MauticEmail a default subject (EntityAreaTests.Areas); these tests name their own.
        Ok("$PSDefaultParameterValues.Remove('New-MauticEmail:Property')");
    }

    [Fact]
    [Covers("New-MauticEmail")]
    public void New_sends_the_named_fields_and_the_statistics_are_properties_of_the_record()
    {
        var r = Ok("New-MauticEmail -Name 'Welcome mail' -Subject 'Hi {contactfield=firstname}' -Language de -Template blank -CustomHtml '<h1>Hi</h1>' " +
                   "-PlainText 'Hi' -FromAddress sales@example.com -FromName Sales -ReplyToAddress reply@example.com");
        var e = r.Output.Single();
        Assert.Equal("Mautic.Email", e.TypeNames[0]);
        var body = r.Requests.Single(q => q.Path == "/api/emails/new").Body;
        Assert.Contains("\"subject\":\"Hi {contactfield=firstname}\"", body);
        Assert.DoesNotContain("emailType", body);                    // no -EmailType, no -SegmentId: Mautic's default, template
        Assert.Equal("template", e.Properties["emailType"].Value);
        Assert.Equal("de", e.Properties["language"].Value);
        Assert.Equal("blank", e.Properties["template"].Value);
        Assert.Equal("<h1>Hi</h1>", e.Properties["customHtml"].Value);
        Assert.Equal("Hi", e.Properties["plainText"].Value);
        Assert.Equal("sales@example.com", e.Properties["fromAddress"].Value);
        Assert.Equal("Sales", e.Properties["fromName"].Value);
        Assert.Equal("reply@example.com", e.Properties["replyToAddress"].Value);
        Assert.Equal(0L, e.Properties["sentCount"].Value);
        Assert.Equal(0L, e.Properties["readCount"].Value);

        // The counters Mautic keeps show on the record and in the table view.
        var id = (long)e.Properties["id"].Value;
        var sent = Ok($"1, 2 | Send-MauticEmail -EmailId {id} | Out-Null; Get-MauticEmail -Id {id}").Output.Single();
        Assert.Equal(2L, sent.Properties["sentCount"].Value);
        // The table view shows them (the in-process runspace has no Format-Table: the view is read from the module's file).
        var view = System.Xml.Linq.XDocument.Load(Path.Combine(Path.GetDirectoryName(PsSession.ModuleManifest)!, "Mautic.Format.ps1xml"))
            .Descendants("View").Single(v => v.Element("Name")!.Value == "Mautic.Email");
        Assert.Equal(["id", "name", "emailType", "isPublished", "sentCount", "readCount", "subject"], view.Descendants("PropertyName").Select(p => p.Value));
    }

    [Fact]
    [Covers("New-MauticEmail")]
    public void SegmentId_makes_a_list_e_mail_whose_segments_show_as_ids_and_a_copy_piped_back_keeps_them()
    {
        var list = Ok("New-MauticEmail -Name news -Subject News -SegmentId 1, 2").Output.Single();
        Assert.Contains("\"emailType\":\"list\"", State.Requests.Last(q => q.Path == "/api/emails/new").Body);
        Assert.Equal("list", list.Properties["emailType"].Value);
        Assert.Equal(new object[] { 1L, 2L }, (PsResult.Items(list.Properties["lists"].Value)).Select(PsResult.Unwrap));
        // A record piped into New- is a copy: its segment ids go back as Mautic takes them; its counters are not sent.
        var copy = Ok($"Get-MauticEmail -Id {list.Properties["id"].Value} | New-MauticEmail -Name 'news copy'");
        Assert.Equal(new object[] { 1L, 2L }, (PsResult.Items(copy.Output.Single().Properties["lists"].Value)).Select(PsResult.Unwrap));
        var body = copy.Requests.Single(q => q.Path == "/api/emails/new").Body;
        Assert.DoesNotContain("sentCount", body);
        Assert.DoesNotContain("revision", body);
        // A list e-mail without segments is Mautic's validation error, naming the field.
        var r = Run("New-MauticEmail -Name bare -Subject s -EmailType list");
        var e = Assert.Single(r.Errors);
        Assert.Equal(ErrorCategory.InvalidData, e.CategoryInfo.Category);
        Assert.Contains("lists: Either no list was selected", e.Exception.Message);
    }

    [Fact]
    [Covers("New-MauticEmail")]
    public void A_missing_subject_or_a_bad_address_is_InvalidData_naming_the_field_and_nothing_is_created()
    {
        var r = Run("New-MauticEmail -Name nosubject; New-MauticEmail -Name badfrom -Subject s -FromAddress 'not an address'; New-MauticEmail -Name x -Subject s -EmailType other");
        Assert.Equal(3, r.AllErrors.Count);
        Assert.Equal(ErrorCategory.InvalidData, r.Errors[0].CategoryInfo.Category);
        Assert.Contains("subject: A subject is required.", r.Errors[0].Exception.Message);
        Assert.Equal(ErrorCategory.InvalidData, r.Errors[1].CategoryInfo.Category);
        Assert.Contains("fromAddress", r.Errors[1].Exception.Message);
        Assert.Equal(ErrorCategory.InvalidData, r.AllErrors[2].CategoryInfo.Category);   // -EmailType takes template or list only: a binding error
        Assert.Contains("EmailType", r.AllErrors[2].Exception.Message);
        Assert.Equal(3, State.Emails.Rows.Count);                                    // the seeded three
    }

    [Fact]
    [Covers("Set-MauticEmail")]
    public void Set_patches_the_named_fields_and_a_Replace_needs_the_language_and_makes_a_template_e_mail()
    {
        var id = (long)Ok("New-MauticEmail -Name monthly -Subject s -SegmentId 1 -FromName A").Output.Single().Properties["id"].Value;
        var patched = Ok($"Set-MauticEmail {id} -Subject 'New subject' -Template brienz -PassThru").Output.Single();
        Assert.Equal("New subject", patched.Properties["subject"].Value);
        Assert.Equal("brienz", patched.Properties["template"].Value);
        Assert.Equal("A", patched.Properties["fromName"].Value);
        Assert.Equal("list", patched.Properties["emailType"].Value);
        Assert.Equal(2L, patched.Properties["revision"].Value);
        // PUT without the language: Mautic's 500, nothing changed
        var r = Run($"Set-MauticEmail {id} -Name gone -Subject s -Replace");
        Assert.Equal(ErrorCategory.ConnectionError, Assert.Single(r.Errors).CategoryInfo.Category);
        Assert.Equal("monthly", State.Emails.Rows[id].Text("name"));
        var put = Ok($"Set-MauticEmail {id} -Name replaced -Subject s -Language en -Replace -PassThru").Output.Single();
        Assert.Equal("template", put.Properties["emailType"].Value);
        Assert.Empty(PsResult.Items(put.Properties["lists"].Value));
        Assert.Null(put.Properties["fromName"].Value);
        // -SegmentId alone on an edit makes it a list e-mail again
        var relisted = Ok($"Set-MauticEmail {id} -SegmentId 2 -PassThru").Output.Single();
        Assert.Equal("list", relisted.Properties["emailType"].Value);
    }

    [Fact]
    [Covers("Send-MauticEmailReply")]
    public void A_reply_is_recorded_for_piped_email_stats_rows_and_by_hash()
    {
        var r = Ok("2 | ForEach-Object { Send-MauticEmail -EmailId $_ -ContactId 1, 2 } | Out-Null; " +
                   "Get-MauticStat -Table email_stats -Where @{ col = 'lead_id'; val = 1 } | Send-MauticEmailReply");
        var reply = r.Output.Single();
        Assert.Equal("Mautic.EmailReply", reply.TypeNames[0]);
        string hash1, hash2;
        lock (State.Sync)
        {
            hash1 = State.Sent.Single(x => x.ContactId == 1).TrackingHash;
            hash2 = State.Sent.Single(x => x.ContactId == 2).TrackingHash;
        }
        Assert.Equal(hash1, reply.Properties["TrackingHash"].Value);
        Assert.Equal(true, reply.Properties["Success"].Value);
        Assert.Single(r.Requests, q => q.Method == "POST" && q.Path == "/api/emails/reply/" + hash1);
        Assert.Single(State.Replies);
        // by value, and a hash Mautic does not know is ObjectNotFound carrying the hash; the known one is still recorded
        var two = Run($"'{hash2}', 'nosuchhash' | Send-MauticEmailReply");
        Assert.Equal(hash2, two.Output.Single().Properties["TrackingHash"].Value);
        var e = two.SingleError(ErrorCategory.ObjectNotFound, "nosuchhash");
        Assert.Contains("nosuchhash", e.Exception.Message);
        Assert.Equal(2, State.Replies.Count);
    }

    [Fact]
    [Covers("Send-MauticEmailReply")]
    public void WhatIf_records_nothing_and_an_empty_hash_is_refused_before_sending()
    {
        var preview = Ok("Send-MauticEmailReply -TrackingHash abc -WhatIf");
        Assert.Empty(preview.Mutating);
        var r = Run("Send-MauticEmailReply -TrackingHash ''");
        Assert.NotNull(r.Terminating);
        Assert.Equal(ErrorCategory.InvalidData, r.Terminating!.CategoryInfo.Category);
        Assert.Empty(r.Mutating);
    }
}
