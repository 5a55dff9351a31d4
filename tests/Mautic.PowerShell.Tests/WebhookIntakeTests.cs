using System.Management.Automation;

namespace MauticPS.InProcess;

/// <summary>
/// ConvertFrom-MauticWebhook and Test-MauticWebhookSignature on the posts a real Mautic 5.1.0 and 7.0.0 sent
/// (Fixtures/Webhooks, captured by tests/Live/Mautic.WebhookIntake.Tests.ps1: a contact made and changed, a form
/// submitted, an e-mail sent); no server is involved.
/// </summary>
public sealed class WebhookIntakeTests : PsTest
{
    public static TheoryData<string> Versions => new() { "5.1.0", "7.0.0" };

    static readonly string[] Triggers =
        ["mautic.lead_post_save_new", "mautic.lead_post_save_update", "mautic.lead_post_save_new", "mautic.form_on_submit", "mautic.email_on_send"];

    [Theory]
    [MemberData(nameof(Versions))]
    [Covers("ConvertFrom-MauticWebhook")]
    public void Every_real_post_is_verified_and_read_into_one_typed_event_per_event(string version)
    {
        var r = Ok(CmdletCases.LoadFixture(version) + "$Fixture.posts | ConvertFrom-MauticWebhook -Secret $Fixture.secret");
        Assert.Equal(Triggers, r.Output.Select(o => (string)o.Properties["Trigger"].Value));
        Assert.All(r.Output, e =>
        {
            Assert.Equal("Mautic.WebhookEvent", e.TypeNames[0]);
            var at = Assert.IsType<DateTime>(e.Properties["Timestamp"].Value);
            Assert.Equal(DateTimeKind.Utc, at.Kind);
            var contact = Assert.IsType<PSObject>(e.Properties["Contact"].Value);
            Assert.Equal("Mautic.Contact", contact.TypeNames[0]);
            Assert.IsType<long>(contact.Properties["id"].Value);
            Assert.EndsWith(".example", (string)contact.Properties["email"].Value);   // a custom field, flattened as Get-MauticContact does
            Assert.Null(contact.Properties["fields"]);
        });
        Assert.Equal("Ann", r.Output[0].Properties["Contact"].Value is PSObject c0 ? c0.Properties["firstname"].Value : null);
        Assert.Equal("Archer", ((PSObject)r.Output[1].Properties["Contact"].Value).Properties["lastname"].Value);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void A_form_submission_gives_its_submission_form_and_contact_and_a_send_its_email(string version)
    {
        var r = Ok(CmdletCases.LoadFixture(version) + "$Fixture.posts | ConvertFrom-MauticWebhook");
        var submit = r.Output[3];
        var form = (PSObject)submit.Properties["Form"].Value;
        var submission = (PSObject)submit.Properties["Submission"].Value;
        var dan = (PSObject)submit.Properties["Contact"].Value;
        Assert.Equal("Mautic.Form", form.TypeNames[0]);
        Assert.Equal("Mautic.FormSubmission", submission.TypeNames[0]);   // as Get-MauticFormSubmission writes it
        Assert.Equal(form.Properties["id"].Value, submission.Properties["formId"].Value);
        Assert.Equal(dan.Properties["id"].Value, submission.Properties["contactId"].Value);
        Assert.StartsWith("dan@", (string)submission.Properties["email"].Value);
        Assert.StartsWith("dan@", (string)dan.Properties["email"].Value);
        Assert.IsType<DateTime>(submission.Properties["dateSubmitted"].Value);
        Assert.Null(submit.Properties["Email"].Value);

        var send = r.Output[4];
        var email = (PSObject)send.Properties["Email"].Value;
        Assert.Equal("Mautic.Email", email.TypeNames[0]);
        Assert.StartsWith("Intake mail ", (string)email.Properties["name"].Value);
        Assert.StartsWith("ann@", (string)((PSObject)send.Properties["Contact"].Value).Properties["email"].Value);
        Assert.Equal("Hello {contactfield=firstname}", send.Properties["Subject"].Value);
        Assert.Null(send.Properties["Form"].Value);
        // The records pipe on like the Get- cmdlets' own: a contact binds Set-MauticContact by its id.
        var piped = Ok(CmdletCases.LoadFixture(version) + "($Fixture.posts[0] | ConvertFrom-MauticWebhook).Contact | Set-MauticContact -FirstName Anna -WhatIf");
        Assert.Empty(piped.Mutating);
    }

    [Fact]
    [Covers("ConvertFrom-MauticWebhook")]
    public void Azure_Automation_WebhookData_is_read_as_an_object_and_as_the_JSON_text_PowerShell_7_runbooks_get()
    {
        var r = Ok(CmdletCases.LoadFixture() + "$json = " + CmdletCases.WebhookDataJson("5.1.0", 3) + "\n" + """
            $data = [pscustomobject]@{ WebhookName = 'Mautic'; RequestBody = $Fixture.posts[3].Body; RequestHeader = [pscustomobject]$Fixture.posts[3].Headers }
            (ConvertFrom-MauticWebhook $data -Secret $Fixture.secret).Trigger
            (ConvertFrom-MauticWebhook $json -Secret $Fixture.secret).Trigger
            $headers = @{ 'webhook-signature' = $Fixture.posts[3].Headers.'Webhook-Signature' }   # any case, in a hashtable
            ([pscustomobject]@{ RawBody = $Fixture.posts[3].Body; Headers = $headers } | ConvertFrom-MauticWebhook -Secret $Fixture.secret).Trigger
            $nvc = [System.Net.WebHeaderCollection]::new(); $nvc.Add('Webhook-Signature', $Fixture.posts[3].Headers.'Webhook-Signature')
            $bytes = [System.Text.Encoding]::UTF8.GetBytes($Fixture.posts[3].Body)
            (ConvertFrom-MauticWebhook ([pscustomobject]@{ Body = $bytes; Headers = $nvc }) -Secret $Fixture.secret).Trigger
            (ConvertFrom-MauticWebhook $Fixture.posts[3].Body -Signature $Fixture.posts[3].Headers.'Webhook-Signature' -Secret $Fixture.secret).Trigger
            """);
        Assert.Equal(Enumerable.Repeat("mautic.form_on_submit", 5), r.Output.Select(o => o.BaseObject));
    }

    [Fact]
    [Covers("ConvertFrom-MauticWebhook")]
    public void A_changed_or_unsigned_post_is_a_SecurityError_carrying_it_and_nothing_of_it_is_read()
    {
        var r = Run(CmdletCases.LoadFixture() + """
            $changed = [pscustomobject]@{ Body = $Fixture.posts[0].Body.Replace('"Ann"', '"Eve"'); Headers = $Fixture.posts[0].Headers }
            $unsigned = $Fixture.posts[1].Body
            $secret = [pscredential]::new('hook', [System.Net.NetworkCredential]::new('', $Fixture.secret).SecurePassword)
            $changed, $unsigned, $Fixture.posts[2] | ConvertFrom-MauticWebhook -Secret $secret -Verbose -Debug
            """);
        Assert.Single(r.Output);                                        // the third post, signed and unchanged, still comes through
        Assert.Equal("mautic.lead_post_save_new", r.Output[0].Properties["Trigger"].Value);
        Assert.Equal(2, r.Errors.Count);
        Assert.All(r.Errors, e =>
        {
            Assert.Equal(ErrorCategory.SecurityError, e.CategoryInfo.Category);
            Assert.StartsWith("MauticSignature,", e.FullyQualifiedErrorId);
            Assert.Contains("Webhook-Signature", e.Exception.Message);
        });
        Assert.Contains("does not match its body", r.Errors[0].Exception.Message);
        Assert.Contains("\"Eve\"", (string)((PSObject)r.Errors[0].TargetObject).Properties["Body"].Value);
        Assert.Contains("has no Webhook-Signature header", r.Errors[1].Exception.Message);
        Assert.Equal(typeof(string), PsResult.Unwrap(r.Errors[1].TargetObject)!.GetType());
        var secret = (string)Ok(CmdletCases.LoadFixture() + "$Fixture.secret").Output[0].BaseObject;
        var everything = string.Join("\n", r.Errors.Select(e => e.Exception.Message + e.ErrorDetails + e.CategoryInfo)
            .Concat(r.Verbose.Select(v => v.Message)).Concat(r.Debug.Select(d => d.Message)));
        Assert.DoesNotContain(secret, everything);
    }

    [Fact]
    [Covers("ConvertFrom-MauticWebhook")]
    public void What_is_not_a_Mautic_post_is_an_error_carrying_it_and_the_other_inputs_go_on()
    {
        var r = Run(CmdletCases.LoadFixture() + """
            $parsed = [pscustomobject]@{ Body = @{ 'mautic.lead_post_save_new' = @() }; Headers = @{} }
            '{ "hello": 1 }', 'not json', 42, $parsed, $Fixture.posts[0].Body | ConvertFrom-MauticWebhook
            """);
        Assert.Single(r.Output);
        Assert.Equal(new[] { ErrorCategory.InvalidData, ErrorCategory.InvalidData, ErrorCategory.InvalidArgument, ErrorCategory.InvalidArgument },
            r.Errors.Select(e => e.CategoryInfo.Category));
        Assert.Equal("{ \"hello\": 1 }", PsResult.Unwrap(r.Errors[0].TargetObject));
        Assert.Contains("no events", r.Errors[0].Exception.Message);
        Assert.Contains("not JSON", r.Errors[1].Exception.Message);
        Assert.Equal(42, PsResult.Unwrap(r.Errors[2].TargetObject));
        Assert.Contains("not a webhook post", r.Errors[2].Exception.Message);
        Assert.Contains("raw body", r.Errors[3].Exception.Message);       // a body a framework already parsed cannot be verified
    }

    [Fact]
    [Covers("Test-MauticWebhookSignature")]
    public void The_signature_test_is_true_only_for_the_exact_body_and_secret()
    {
        var r = Ok(CmdletCases.LoadFixture("7.0.0") + """
            $p = $Fixture.posts[4]; $sig = $p.Headers.'Webhook-Signature'
            Test-MauticWebhookSignature -Secret $Fixture.secret -Body $p.Body -Signature $sig
            Test-MauticWebhookSignature ([System.Net.NetworkCredential]::new('', $Fixture.secret).SecurePassword) ([System.Text.Encoding]::UTF8.GetBytes($p.Body)) $sig
            Test-MauticWebhookSignature $Fixture.secret ($p.Body + ' ') $sig
            Test-MauticWebhookSignature ($Fixture.secret.ToUpper()) $p.Body $sig
            Test-MauticWebhookSignature $Fixture.secret $p.Body
            Test-MauticWebhookSignature $Fixture.secret $p.Body ''
            Test-MauticWebhookSignature $Fixture.secret $p.Body 'not base64!'
            Test-MauticWebhookSignature $Fixture.secret $p.Body $sig.Substring(0, 20)
            Test-MauticWebhookSignature $Fixture.secret $p.Body.Replace('":', '": ') $sig   # the same JSON, laid out otherwise
            """);
        Assert.Equal(new object[] { true, true, false, false, false, false, false, false, false }, r.Output.Select(o => o.BaseObject));
    }
}
