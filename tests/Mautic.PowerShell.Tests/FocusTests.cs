using System.Management.Automation;

namespace MauticPS.InProcess;

/// <summary>What focus items do beyond the generic area theories (EntityAreaTests runs those for them).</summary>
public sealed class FocusTests : PsTest
{
    // Every test runspace gives New-MauticFocus -Property @{ type = 'notice'; style = 'bar' } by default (EntityAreaTests.Areas).
    public FocusTests() => Ps.Connect();

    [Fact]
    [Covers("New-MauticFocus")]
    public void New_sends_type_style_and_website_and_Mautic_s_required_fields_come_back_as_one_error()
    {
        var r = Ok("New-MauticFocus -Name promo -Type link -Style modal -Website https://example.com -Property @{}");
        var f = Assert.Single(r.Output);
        Assert.Equal("Mautic.Focus", f.TypeNames[0]);
        Assert.Equal("link", f.Properties["type"].Value);
        Assert.Equal("modal", f.Properties["style"].Value);
        Assert.Equal("https://example.com", f.Properties["website"].Value);
        var sent = r.Requests.Single(q => q.Path == "/api/focus/new").Body;
        Assert.Contains("\"type\":\"link\"", sent);
        Assert.Contains("\"style\":\"modal\"", sent);

        var bad = Run("New-MauticFocus -Name nostyle -Property @{}");
        var e = Assert.Single(bad.Errors);
        Assert.Equal(ErrorCategory.InvalidData, e.CategoryInfo.Category);
        Assert.Contains("Use the builder to select what the focus should be.", e.Exception.Message);
        Assert.Contains("style", e.Exception.Message);
    }

    [Fact]
    [Covers("New-MauticFocus")]
    public void An_unknown_type_or_style_is_refused_before_any_request()
    {
        var r = Run("New-MauticFocus -Name x -Type banner -Style bar");
        Assert.NotNull(r.Terminating);
        Assert.Contains("banner", r.Terminating!.Exception.Message);
        Assert.Empty(r.Requests.Where(q => q.Path.StartsWith("/api/focus")));
    }

    [Fact]
    [Covers("Set-MauticFocus")]
    public void Set_changes_the_style_and_never_sends_the_generated_script_back()
    {
        var f = Ok("New-MauticFocus -Name s1").Output.Single();
        var id = (long)f.Properties["id"].Value;
        Assert.Contains($"MauticFocus{id}", (string)f.Properties["cache"].Value);
        var r = Ok($"Get-MauticFocus -Id {id} | Set-MauticFocus -Style notification -PassThru");
        Assert.Equal("notification", Assert.Single(r.Output).Properties["style"].Value);
        Assert.All(r.Requests.Where(q => q.Path.StartsWith("/api/focus/") && q.Method != "GET" && q.Body != null), q => Assert.DoesNotContain("\"cache\"", q.Body));
    }

    [Fact]
    [Covers("Get-MauticFocusScript")]
    public void Script_returns_the_javascript_text_per_id_and_an_unknown_id_is_ObjectNotFound_carrying_it()
    {
        var id = (long)Ok("New-MauticFocus -Name js1").Output.Single().Properties["id"].Value;
        var r = Run($"{id}, 987654 | Get-MauticFocusScript");
        var js = Assert.IsType<string>(Assert.Single(r.Output).BaseObject);
        Assert.StartsWith("(function(window){", js);
        Assert.Contains($"MauticFocus{id}", js);
        Assert.Single(r.Requests, q => q.Path == $"/api/focus/{id}/js" && q.Method == "POST");
        var e = Assert.Single(r.Errors);
        Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);   // Mautic's 500 checked with GET focus/987654
        Assert.Equal(987654L, e.TargetObject);
        Assert.Contains("987654", e.Exception.Message);

        var piped = Run("New-MauticPointGroup -Name pg | Get-MauticFocusScript");
        Assert.Equal(ErrorCategory.InvalidArgument, Assert.Single(piped.Errors).CategoryInfo.Category);
        Assert.Empty(piped.Requests.Where(q => q.Path.EndsWith("/js")));
    }
}
