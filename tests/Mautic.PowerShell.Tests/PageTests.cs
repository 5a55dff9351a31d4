using System.Management.Automation;

namespace MauticPS.InProcess;

/// <summary>What landing pages do beyond the generic area theories (EntityAreaTests runs those for pages).</summary>
public sealed class PageTests : PsTest
{
    public PageTests() => Ps.Connect();

    [Fact]
    [Covers("New-MauticPage")]
    public void New_sends_the_named_fields_and_Mautic_makes_a_unique_alias_from_the_title()
    {
        var r = Ok("New-MauticPage 'Spring Offer' -Html '<h1>Spring</h1>' -Template blank -Description 'meta'; New-MauticPage -Title 'Spring Offer' -Language de");
        Assert.Equal(new[] { "spring-offer", "spring-offer1" }, r.Output.Select(o => (string)o.Properties["alias"].Value));
        var first = r.Output[0];
        Assert.Equal("Mautic.Page", first.TypeNames[0]);
        Assert.Equal("<h1>Spring</h1>", first.Properties["customHtml"].Value);
        Assert.Equal("blank", first.Properties["template"].Value);
        Assert.Equal("meta", first.Properties["metaDescription"].Value);
        Assert.Equal("en", first.Properties["language"].Value);
        Assert.Equal("de", r.Output[1].Properties["language"].Value);
        Assert.Equal(1L, first.Properties["revision"].Value);
        Assert.Contains("\"title\":\"Spring Offer\"", r.Requests.First(q => q.Path == "/api/pages/new").Body);
    }

    [Fact]
    [Covers("New-MauticPage")]
    public void The_area_parameters_are_static_for_Get_Command_positions_and_splatting()
    {
        // Asked before anything binds (a dynamic parameter shows only once PowerShell has asked the cmdlet for it).
        var keys = Ok("(Get-Command New-MauticPage).Parameters.Values | Where-Object { -not $_.IsDynamic } | ForEach-Object Name").Output
            .Select(o => (string)o.BaseObject).ToList();
        Assert.Subset(keys.ToHashSet(), new HashSet<string> { "Title", "Alias", "Language", "Template", "Html" });
        var syntax = string.Concat(Ok("Get-Command New-MauticPage -Syntax").Output.Select(o => o.ToString()));
        Assert.Contains("[[-Title] <string>]", syntax);
        foreach (var p in new[] { "-Html", "-Alias", "-Language", "-Template" })
            Assert.True(syntax.IndexOf(p, StringComparison.Ordinal) is var at && at > 0 && at < syntax.IndexOf("[-WhatIf]", StringComparison.Ordinal)
                && at < syntax.IndexOf("[<CommonParameters>]", StringComparison.Ordinal), $"{p} in: {syntax}");
        var r = Ok("New-MauticPage 'positional'; $p = @{ Title = 'splatted'; Html = '<p>s</p>'; Language = 'de' }; New-MauticPage @p");
        Assert.Equal(new[] { "positional", "splatted" }, r.Output.Select(o => (string)o.Properties["title"].Value));
        Assert.Equal("de", r.Output[1].Properties["language"].Value);
        Assert.Equal("<p>s</p>", r.Output[1].Properties["customHtml"].Value);
    }

    [Fact]
    [Covers("New-MauticPage")]
    public void An_unknown_language_is_InvalidData_naming_the_field()
    {
        var r = Run("New-MauticPage -Title x -Language zz");
        var e = Assert.Single(r.Errors);
        Assert.Equal(ErrorCategory.InvalidData, e.CategoryInfo.Category);
        Assert.Contains("language", e.Exception.Message);
        Assert.Empty(State.Stores["pages"].Rows);
    }

    [Fact]
    [Covers("Set-MauticPage")]
    public void Set_renames_without_touching_the_alias_and_every_save_raises_the_revision()
    {
        var id = (long)Ok("New-MauticPage -Title first -Html a").Output.Single().Properties["id"].Value;
        var patched = Ok($"Set-MauticPage {id} -Title second -Alias custom -PassThru").Output.Single();
        Assert.Equal("second", patched.Properties["title"].Value);
        Assert.Equal("custom", patched.Properties["alias"].Value);
        Assert.Equal("a", patched.Properties["customHtml"].Value);
        Assert.Equal(2L, patched.Properties["revision"].Value);
        // PUT: the alias is made again from the title, customHtml is reset.
        var put = Ok($"Set-MauticPage {id} -Title third -Language en -Replace -PassThru").Output.Single();
        Assert.Equal("third", put.Properties["alias"].Value);
        Assert.Null(put.Properties["customHtml"].Value);
        Assert.Equal(3L, put.Properties["revision"].Value);
    }

    [Fact]
    [Covers("Set-MauticPage")]
    public void A_Replace_without_the_language_is_Mautic_s_server_error_and_changes_nothing()
    {
        var id = (long)Ok("New-MauticPage -Title keep").Output.Single().Properties["id"].Value;
        var r = Run($"Set-MauticPage {id} -Title gone -Replace");
        var e = Assert.Single(r.Errors);
        Assert.Equal(ErrorCategory.ConnectionError, e.CategoryInfo.Category);
        Assert.Equal("keep", State.Stores["pages"].Rows[id].Text("title"));
    }
}
