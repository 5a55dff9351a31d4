using System.Management.Automation;

namespace MauticPS.InProcess;

/// <summary>
/// What text messages, web push notifications and tweets do beyond the generic area theories (EntityAreaTests runs
/// those for them), and Send-MauticSms. The fake, like a stock Mautic, has no SMS transport until a test enables one.
/// </summary>
public sealed class ChannelTests : PsTest
{
    // Every test runspace gives New-MauticSms -Property @{ message = 'Hi'; language = 'en' } by default (EntityAreaTests.Areas).
    public ChannelTests()
    {
        Ps.Seed(3);
        Ps.Connect();
    }

    /// <summary>Contacts 1 and 2 get a mobile number; contact 3 has none.</summary>
    void Reachable()
    {
        lock (State.Sync)
        {
            State.Contacts[1].Fields["mobile"] = "+15550101";
            State.Contacts[2].Fields["mobile"] = "+15550102";
        }
        State.SmsTransport = true;
    }

    [Fact]
    [Covers("New-MauticSms")]
    [Covers("Set-MauticSms")]
    public void Sms_named_parameters_are_sent_and_Mautic_s_refusals_name_the_field()
    {
        var r = Ok("New-MauticSms -Name promo -Message 'Hi {contactfield=firstname}' -Language de -SmsType list -SegmentId 1 -Property @{}");
        var sms = Assert.Single(r.Output);
        Assert.Equal("Mautic.Sms", sms.TypeNames[0]);
        Assert.Equal("Hi {contactfield=firstname}", sms.Properties["message"].Value);
        Assert.Equal("de", sms.Properties["language"].Value);
        var sent = r.Requests.Single(q => q.Path == "/api/smses/new").Body;
        Assert.Contains("\"smsType\":\"list\"", sent);
        Assert.Contains("\"lists\":[1]", sent);

        var noList = Run("New-MauticSms -Name l -Message x -SmsType list -Property @{}");
        Assert.Equal(ErrorCategory.InvalidData, Assert.Single(noList.Errors).CategoryInfo.Category);
        Assert.Contains("lists: Either no list was selected", noList.Errors[0].Exception.Message);

        var id = (long)sms.Properties["id"].Value;
        var set = Ok($"Set-MauticSms {id} -Message changed -Language fr -PassThru");
        Assert.Equal("changed", set.Output.Single().Properties["message"].Value);
        Assert.Equal("fr", set.Output.Single().Properties["language"].Value);
        Assert.Equal("PATCH", set.Requests.Single(q => q.Path == $"/api/smses/{id}/edit").Method);
        // Mautic's 500 for a PUT without the language comes back as an error for that id, not as a success.
        var put = Run($"Set-MauticSms {id} -Name p -Message m -Replace");
        Assert.Equal(id, (long)Assert.Single(put.Errors).TargetObject);
        Assert.Empty(put.Output);
    }

    [Fact]
    [Covers("New-MauticNotification")]
    [Covers("Set-MauticNotification")]
    public void Notification_named_parameters_are_sent_and_Mautic_s_required_fields_come_back_as_one_error()
    {
        var r = Ok("New-MauticNotification -Name welcome -Heading Hello -Message 'Thanks for visiting' -Url example.com/offer -Button Open -Language de -Property @{}");
        var n = Assert.Single(r.Output);
        Assert.Equal("Mautic.Notification", n.TypeNames[0]);
        Assert.Equal("Hello", n.Properties["heading"].Value);
        Assert.Equal("http://example.com/offer", n.Properties["url"].Value);
        Assert.Equal("Open", n.Properties["button"].Value);
        Assert.Equal("de", n.Properties["language"].Value);

        var bad = Run("New-MauticNotification -Name nothing -Property @{}");
        var e = Assert.Single(bad.Errors);
        Assert.Equal(ErrorCategory.InvalidData, e.CategoryInfo.Category);
        Assert.Contains("heading: A title is required.", e.Exception.Message);
        Assert.Contains("message: A message is required.", e.Exception.Message);

        var id = (long)n.Properties["id"].Value;
        var set = Ok($"Set-MauticNotification {id} -Heading Changed -PassThru");
        Assert.Equal("Changed", set.Output.Single().Properties["heading"].Value);
        Assert.Equal("Thanks for visiting", set.Output.Single().Properties["message"].Value);
    }

    [Fact]
    [Covers("New-MauticTweet")]
    [Covers("Set-MauticTweet")]
    public void Tweet_text_is_sent_and_a_text_over_280_characters_is_refused_before_any_request()
    {
        var r = Ok("New-MauticTweet -Name launch -Text 'We are live' -Property @{}");
        var t = Assert.Single(r.Output);
        Assert.Equal("Mautic.Tweet", t.TypeNames[0]);
        Assert.Equal("We are live", t.Properties["text"].Value);
        Assert.Equal("en", t.Properties["language"].Value);

        var id = (long)t.Properties["id"].Value;
        Assert.Equal("Changed", Ok($"Set-MauticTweet {id} -Text Changed -PassThru").Output.Single().Properties["text"].Value);
        var tooLong = Run($"New-MauticTweet -Name x -Text ('x' * 281)");
        Assert.NotNull(tooLong.Terminating);
        Assert.Contains("280", tooLong.Terminating!.Exception.Message);
        Assert.DoesNotContain(tooLong.Requests, q => q.Path.StartsWith("/api/tweets"));
        // Mautic's own 400 for a missing text names the field
        var noText = Run("New-MauticTweet -Name y -Property @{}");
        Assert.Contains("text: A value is required.", Assert.Single(noText.Errors).Exception.Message);
    }

    [Fact]
    [Covers("Send-MauticSms")]
    public void Piped_contacts_get_the_message_one_request_each_and_a_failed_send_is_an_error_carrying_its_contact()
    {
        Reachable();
        var sms = (long)Ok("New-MauticSms -Name s1").Output.Single().Properties["id"].Value;
        var r = Run($"Get-MauticContact | Send-MauticSms -SmsId {sms} -ThrottleLimit 2; Send-MauticSms {sms} 987654");
        Assert.Equal(2, r.Output.Count);
        Assert.All(r.Output, o => Assert.Equal("Mautic.SmsSendResult", o.TypeNames[0]));
        Assert.Equal(new long[] { 1, 2 }, r.Output.Select(o => (long)o.Properties["ContactId"].Value));
        Assert.All(r.Output, o => Assert.Equal("Delivered", o.Properties["Status"].Value));
        Assert.Equal(4, r.Requests.Count(q => q.Method == "GET" && q.Path.StartsWith($"/api/smses/{sms}/contact/") && q.Path.EndsWith("/send")));
        Assert.Equal(2, r.Errors.Count);
        var noPhone = r.Errors[0];
        Assert.Equal(ErrorCategory.InvalidData, noPhone.CategoryInfo.Category);
        Assert.Contains("Missing phone number for contact.", noPhone.Exception.Message);
        Assert.Equal(3L, noPhone.TargetObject);
        Assert.Equal(ErrorCategory.PermissionDenied, r.Errors[1].CategoryInfo.Category);
        Assert.Equal(987654L, r.Errors[1].TargetObject);
        Assert.Equal(2, State.SentSms.Count);
    }

    [Fact]
    [Covers("Send-MauticSms")]
    public void A_message_named_once_is_looked_up_once_and_an_unknown_name_stops_before_any_send()
    {
        Reachable();
        Ok("New-MauticSms -Name 'Flash sale'");
        var r = Ok("1, 2 | Send-MauticSms -SmsName 'Flash sale'");
        Assert.Equal(2, r.Output.Count);
        Assert.Single(r.Requests, q => q.Path == "/api/smses");
        var none = Run("1 | Send-MauticSms -SmsName 'No such message'");
        Assert.NotNull(none.Terminating);
        Assert.Equal(ErrorCategory.ObjectNotFound, none.Terminating!.CategoryInfo.Category);
        Assert.DoesNotContain(none.Requests, q => q.Path.EndsWith("/send"));
    }

    [Fact]
    [Covers("Send-MauticSms")]
    public void Without_an_SMS_transport_every_contact_fails_clearly_and_WhatIf_sends_nothing()
    {
        var sms = (long)Ok("New-MauticSms -Name s2").Output.Single().Properties["id"].Value;
        Assert.Empty(Ok($"1, 2 | Send-MauticSms {sms} -WhatIf").Requests.Where(q => q.Path.EndsWith("/send")));
        var r = Run($"1, 2 | Send-MauticSms {sms}");
        Assert.Empty(r.Output);
        Assert.Equal(2, r.Errors.Count);
        Assert.All(r.Errors, e =>
        {
            Assert.Equal(ErrorCategory.ResourceUnavailable, e.CategoryInfo.Category);
            Assert.Contains("SMS transport is disabled.", e.Exception.Message);
        });
        Assert.Equal(new object[] { 1L, 2L }, r.Errors.Select(e => e.TargetObject));
        Assert.Empty(State.SentSms);
    }
}
