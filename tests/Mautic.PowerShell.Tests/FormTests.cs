using System.Management.Automation;

namespace MauticPS.InProcess;

/// <summary>What forms do beyond the generic area theories (EntityAreaTests runs those for them).</summary>
public sealed class FormTests : PsTest
{
    public FormTests() => Ps.Connect();

    const string EmailField = "@{ label = 'Email'; type = 'email'; alias = 'email'; mappedObject = 'contact'; mappedField = 'email' }";

    /// <summary>Creates a form with an e-mail field (mapped to the contact) and a comment field; returns its id.</summary>
    long NewSurvey(string name) =>
        (long)Ok($"New-MauticForm -Name {name} -Field {EmailField}, @{{ label = 'Comment'; type = 'text'; alias = 'comment' }}").Output.Single().Properties["id"].Value;

    /// <summary>Submits the form through the fake's public /form/submit, as a browser would.</summary>
    void Submit(long formId, string email, string comment)
    {
        using var http = new HttpClient();
        var posted = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["mauticform[email]"] = email, ["mauticform[comment]"] = comment, ["mauticform[formId]"] = formId.ToString(), ["mauticform[return]"] = "",
        });
        var answer = http.PostAsync($"{Ps.Server.BaseUrl}/form/submit?formId={formId}", posted).GetAwaiter().GetResult();
        Assert.True(answer.IsSuccessStatusCode, $"form/submit answered {(int)answer.StatusCode}");   // 302 followed to /form/message
    }

    [Fact]
    [Covers("New-MauticForm")]
    public void New_sends_fields_actions_and_the_named_settings_and_the_form_comes_back_with_their_ids()
    {
        var r = Ok("New-MauticForm -Name 'Contact us' -FormType campaign -PostAction message -PostActionProperty 'Thanks!' " +
                   $"-Field {EmailField}, @{{ label = 'Submit'; type = 'button' }} " +
                   "-Action @{ name = 'Add points'; type = 'lead.pointschange'; properties = @{ operator = 'plus'; points = 5 } }");
        var f = Assert.Single(r.Output);
        Assert.Equal("Mautic.Form", f.TypeNames[0]);
        Assert.Equal("contact_us", f.Properties["alias"].Value);     // made from the name by Mautic
        Assert.Equal("campaign", f.Properties["formType"].Value);
        Assert.Equal("message", f.Properties["postAction"].Value);
        var fields = (PsResult.Items(f.Properties["fields"].Value)).Cast<PSObject>().ToList();
        Assert.Equal("email", fields[0].Properties["alias"].Value);
        Assert.Equal("Submit", fields[1].Properties["label"].Value);
        Assert.All(fields, x => Assert.IsType<long>(x.Properties["id"].Value));
        var action = Assert.Single((PsResult.Items(f.Properties["actions"].Value)).Cast<PSObject>());
        Assert.Equal("lead.pointschange", action.Properties["type"].Value);
        var sent = r.Requests.Single(q => q.Path == "/api/forms/new").Body;
        Assert.Contains("\"fields\":[{", sent);
        Assert.Contains("\"mappedField\":\"email\"", sent);
        Assert.Contains("\"postActionProperty\":\"Thanks!\"", sent);
        Assert.Contains("\"points\":5", sent);
    }

    [Theory]
    [InlineData("-Field @{ label = 'No type' }", "type")]
    [InlineData("-Field @{ type = 'text' }", "label")]
    [InlineData("-Action @{ type = 'lead.pointschange' }", "name")]
    [Covers("New-MauticForm")]
    public void A_new_field_or_action_without_what_Mautic_needs_is_refused_before_any_request(string args, string missing)
    {
        var r = Run($"New-MauticForm -Name bad {args}");
        Assert.NotNull(r.Terminating);
        Assert.Equal(ErrorCategory.InvalidData, r.Terminating!.CategoryInfo.Category);
        Assert.Contains("missing: " + missing, r.Terminating.Exception.Message);
        Assert.Empty(r.Api);
    }

    [Fact]
    [Covers("Set-MauticForm")]
    public void Patch_adds_and_edits_fields_and_Replace_keeps_only_the_fields_given()
    {
        var id = NewSurvey("edit");
        var form = Ok($"Get-MauticForm -Id {id}").Output.Single();
        var first = (PsResult.Items(form.Properties["fields"].Value)).Cast<PSObject>().First();
        var firstId = (long)first.Properties["id"].Value;

        var patched = Ok($"Set-MauticForm -Id {id} -Field @{{ id = {firstId}; label = 'E-mail' }}, @{{ label = 'Phone'; type = 'tel' }} -PassThru").Output.Single();
        var labels = (PsResult.Items(patched.Properties["fields"].Value)).Cast<PSObject>().Select(x => (string)x.Properties["label"].Value).ToList();
        Assert.Equal(3, labels.Count);
        Assert.Contains("E-mail", labels);
        Assert.Contains("Phone", labels);

        var replaced = Ok($"Set-MauticForm -Id {id} -Name edit2 -Field @{{ id = {firstId}; label = 'Mail'; type = 'email' }} -Replace -PassThru");
        var kept = Assert.Single((PsResult.Items(replaced.Output.Single().Properties["fields"].Value)).Cast<PSObject>());
        Assert.Equal(firstId, kept.Properties["id"].Value);
        Assert.Single(replaced.Requests, q => q.Method == "PUT" && q.Path == $"/api/forms/{id}/edit");
    }

    [Fact]
    [Covers("Remove-MauticFormField")]
    public void Remove_field_deletes_in_one_request_and_an_id_the_form_lacks_is_ObjectNotFound_carrying_it()
    {
        var id = NewSurvey("rf");
        var ids = (PsResult.Items(Ok($"Get-MauticForm -Id {id}").Output.Single().Properties["fields"].Value)).Cast<PSObject>().Select(x => (long)x.Properties["id"].Value).ToList();
        var r = Run($"Remove-MauticFormField -FormId {id} -FieldId {ids[0]}, 987654 -Force -PassThru");
        var delete = r.Requests.Single(q => q.Method == "DELETE");
        Assert.Equal($"/api/forms/{id}/fields/delete", delete.Path);
        Assert.Contains($"fields%5B%5D={ids[0]}", delete.Query);
        var e = Assert.Single(r.Errors);
        Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
        Assert.Equal(987654L, e.TargetObject);
        Assert.Contains($"Form {id} has no field 987654", e.Exception.Message);
        var left = Assert.Single((PsResult.Items(Assert.Single(r.Output).Properties["fields"].Value)).Cast<PSObject>());
        Assert.Equal(ids[1], left.Properties["id"].Value);

        Assert.Empty(Ok($"Remove-MauticFormField -FormId {id} -FieldId {ids[1]} -WhatIf").Mutating);
        var missing = Run("Remove-MauticFormField -FormId 987654 -FieldId 1 -Force");
        Assert.Equal(ErrorCategory.ObjectNotFound, Assert.Single(missing.Errors).CategoryInfo.Category);
    }

    [Fact]
    [Covers("Remove-MauticFormAction")]
    public void Remove_action_takes_piped_actions_of_a_form()
    {
        var f = Ok("New-MauticForm -Name ra -Action @{ name = 'A'; type = 'lead.pointschange'; properties = @{ operator = 'plus'; points = 1 } }, " +
                   "@{ name = 'B'; type = 'lead.changetags'; properties = @{ add_tags = @('x') } }").Output.Single();
        var id = (long)f.Properties["id"].Value;
        var r = Ok($"(Get-MauticForm -Id {id}).actions | Remove-MauticFormAction -FormId {id} -Force -PassThru");
        Assert.Single(r.Requests, q => q.Method == "DELETE" && q.Path == $"/api/forms/{id}/actions/delete");
        Assert.Empty(PsResult.Items(r.Output.Single().Properties["actions"].Value));
    }

    [Fact]
    [Covers("Get-MauticFormSubmission", "List")]
    public void Submissions_stream_with_the_submitted_values_as_properties_that_Export_Csv_writes()
    {
        var id = NewSurvey("subs");
        Submit(id, "ann@example.com", "Hello, world");
        Submit(id, "bob@example.com", "Hi");
        Submit(id, "cid@example.com", "Hey");
        var r = Ok($"Get-MauticForm -Id {id} | Get-MauticFormSubmission -PageSize 2");
        Assert.Equal(3, r.Output.Count);
        var s = r.Output[0];
        Assert.Equal("Mautic.FormSubmission", s.TypeNames[0]);
        Assert.Equal(id, s.Properties["formId"].Value);
        Assert.IsType<long>(s.Properties["contactId"].Value);
        Assert.IsType<DateTime>(s.Properties["dateSubmitted"].Value);
        Assert.Equal("ann@example.com", s.Properties["email"].Value);
        Assert.Equal("Hello, world", s.Properties["comment"].Value);
        var pages = r.Requests.Where(q => q.Path == $"/api/forms/{id}/submissions").ToList();
        Assert.Equal(2, pages.Count);
        Assert.Contains("orderBy=s.id", pages[0].Query);

        // one flat object per submission, the fixed columns first, then one per field: what Export-Csv writes as its header
        var row = Ok($"Get-MauticFormSubmission -FormId {id} -Skip 1 -First 1 | ForEach-Object {{ $_.PSObject.Properties.Name -join ',' }}; " +
                     $"Get-MauticFormSubmission -FormId {id} -Skip 1 -First 1 | ForEach-Object {{ $_.email }}").Output.Select(o => o.ToString()).ToList();
        Assert.Equal("id,formId,contactId,dateSubmitted,ipAddress,referer,trackingId,pageId,email,comment", row[0]);
        Assert.Equal("bob@example.com", row[1]);

        var none = Run("Get-MauticFormSubmission -FormId 987654");
        var e = Assert.Single(none.Errors);
        Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
        Assert.Equal(987654L, e.TargetObject);
    }

    [Fact]
    [Covers("Get-MauticFormSubmission", "ByContact")]
    public void Submissions_of_a_contact_come_from_the_contact_route()
    {
        var id = NewSurvey("bycontact");
        Submit(id, "ann@example.com", "one");
        Submit(id, "bob@example.com", "two");
        Submit(id, "ann@example.com", "three");
        var contact = (long)Ok($"Get-MauticFormSubmission -FormId {id} -First 1").Output.Single().Properties["contactId"].Value;
        var r = Ok($"Get-MauticFormSubmission -FormId {id} -ContactId {contact}");
        Assert.Equal(new[] { "one", "three" }, r.Output.Select(o => (string)o.Properties["comment"].Value));
        Assert.Contains(r.Requests, q => q.Path == $"/api/forms/{id}/submissions/contact/{contact}");
    }

    [Fact]
    [Covers("Get-MauticFormSubmission", "ById")]
    public void A_submission_by_id_and_one_of_another_form_is_ObjectNotFound()
    {
        var id = NewSurvey("byid");
        var other = NewSurvey("other");
        Submit(id, "ann@example.com", "mine");
        var sid = (long)Ok($"Get-MauticFormSubmission -FormId {id}").Output.Single().Properties["id"].Value;
        var one = Ok($"Get-MauticFormSubmission -FormId {id} -SubmissionId {sid}").Output.Single();
        Assert.Equal("mine", one.Properties["comment"].Value);
        Assert.Null(one.Properties["form_id"]);                       // the single read's extra result is left out

        var r = Run($"Get-MauticFormSubmission -FormId {other} -SubmissionId {sid}, 987654");
        Assert.Empty(r.Output);
        Assert.Equal(2, r.Errors.Count);
        Assert.All(r.Errors, e => Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category));
        Assert.Contains($"is a submission of form {id}", r.Errors[0].Exception.Message);
        Assert.Equal(987654L, r.Errors[1].TargetObject);
    }
}
