using System.Management.Automation;
using Mautic.FakeServer;

namespace MauticPS.InProcess;

/// <summary>
/// -IncludeUuid: the uuid Mautic 7 gives records (only its v2 API shows it) on the Get cmdlets of the areas whose
/// records have one, against the fake as 7.0.0, and the version gate as 5.1.0.
/// </summary>
public sealed class UuidTests : PsTest
{
    static List<RecordedRequest> V2(PsResult r) => r.Requests.Where(q => q.Path.StartsWith("/api/v2", StringComparison.Ordinal)).ToList();

    [Fact]
    public void A_listing_and_a_record_by_id_carry_the_uuid_v2_shows_and_the_listing_pays_one_request_per_30()
    {
        State.Version = "7.0.0";
        Ps.Connect();
        Ok("1..40 | ForEach-Object { [pscustomobject]@{ Name = \"uuid-$_\" } } | New-MauticStage");
        var listed = Ok("Get-MauticStage -IncludeUuid");
        var count = listed.Output.Count;
        Assert.True(count >= 40);
        Assert.Equal((count + 29) / 30, V2(listed).Count);
        var uuids = listed.Output.Select(o => (string)o.Properties["uuid"].Value).ToList();
        Assert.All(uuids, u => Assert.True(Guid.TryParse(u, out _), u));
        Assert.Equal(count, uuids.Distinct().Count());

        var id = (long)listed.Output[5].Properties["id"].Value;
        var one = Ok($"Get-MauticStage -Id {id} -IncludeUuid");
        Assert.Equal(uuids[5], one.Output.Single().Properties["uuid"].Value);
        Assert.Equal($"/api/v2/stages/{id}", V2(one).Single().Path);

        var v2 = Ok($"Invoke-MauticRequest v2/stages/{id}");
        Assert.Equal(uuids[5], v2.Output.Single().Properties["uuid"].Value);

        // Without the switch nothing is sent to v2, and the record has no uuid (v1 never shows one).
        var plain = Ok($"Get-MauticStage -Id {id}");
        Assert.Empty(V2(plain));
        Assert.Null(plain.Output.Single().Properties["uuid"]);
    }

    [Fact]
    public void Segments_and_fields_take_it_too_and_a_piped_record_with_its_uuid_is_written_back_without_it()
    {
        State.Version = "7.0.0";
        Ps.Connect();
        Ok("New-MauticSegment -Name 'uuid seg'");
        var seg = Ok("Get-MauticSegment -Search 'uuid seg' -IncludeUuid").Output.Single();
        Assert.True(Guid.TryParse((string)seg.Properties["uuid"].Value, out _));
        var field = Ok("Get-MauticField -Object Company -IncludeUuid -First 1").Output.Single();
        Assert.True(Guid.TryParse((string)field.Properties["uuid"].Value, out _));

        var edit = Ok("Get-MauticSegment -Search 'uuid seg' -IncludeUuid | Set-MauticSegment -Description 'd'");
        Assert.All(edit.Mutating, q => Assert.DoesNotContain("uuid", q.Body ?? ""));
    }

    [Theory]
    [InlineData("Get-MauticStage -IncludeUuid", "stage")]
    [InlineData("Get-MauticEmail -Id 1 -IncludeUuid", "email")]
    [InlineData("Get-MauticSegment -IncludeUuid", "segment")]
    public void On_5_1_it_stops_at_once_with_the_gates_text_and_reads_nothing(string script, string noun)
    {
        Ps.Connect();
        var r = Run(script);
        Assert.NotNull(r.Terminating);
        Assert.Equal(ErrorCategory.NotImplemented, r.Terminating!.CategoryInfo.Category);
        Assert.Equal($"Reading the uuid of {noun} records needs Mautic 7.0 or later; this server is 5.1.0.", r.Terminating.Exception.Message);
        Assert.Empty(r.Output);
        Assert.DoesNotContain(r.Requests, q => q.Path.StartsWith("/api/", StringComparison.Ordinal) && q.Path != "/api/users/self");
    }

    [Fact]
    public void Every_Get_cmdlet_of_an_area_whose_records_have_a_uuid_takes_IncludeUuid_and_no_other_does()
    {
        var rows = Ok("""
            $flags = [Reflection.BindingFlags]'NonPublic,Public,Instance'
            Get-Command -Module Mautic -Verb Get | Where-Object { [Mautic.PowerShell.Base.GetEntityCmdlet].IsAssignableFrom($_.ImplementingType) } | ForEach-Object {
                $area = $_.ImplementingType.GetProperty('Area', $flags).GetValue([Activator]::CreateInstance($_.ImplementingType))
                '{0}|{1}|{2}' -f $_.Name, $area.V2Route, $_.Parameters.ContainsKey('IncludeUuid')
            }
            """).Output.Select(o => ((string)o.BaseObject).Split('|')).ToList();
        Assert.True(rows.Count > 20);
        Assert.All(rows, r => Assert.True((r[1].Length > 0) == bool.Parse(r[2]), $"{r[0]}: v2 route '{r[1]}', -IncludeUuid {r[2]}"));
        Assert.Contains(rows, r => r[1].Length > 0);
        Assert.Contains(rows, r => r[1].Length == 0);
        Assert.True(Ok("(Get-Command Get-MauticSegment).Parameters.ContainsKey('IncludeUuid')").Output.Single().BaseObject is true);
    }
}
