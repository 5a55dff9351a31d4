using System.Text;
using System.Management.Automation;
using Mautic.FakeServer;

namespace MauticPS.InProcess;

/// <summary>Import-MauticContact, Export-MauticContact and -ModifiedSince/-CreatedSince against the fake.</summary>
public sealed class FilesTests : PsTest, IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("mautic-files-").FullName;

    string FilePath(string name) => Path.Combine(_dir, name);

    static List<RecordedRequest> Writes(PsResult r) => r.Mutating.Where(q => q.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();

    [Fact]
    [Covers("Import-MauticContact", "Path")]
    public void An_import_with_bad_rows_writes_them_with_the_reason_to_ErrorPath_and_the_fixed_file_imports_again()
    {
        Ps.Connect();
        File.WriteAllText(FilePath("in.csv"), "email;firstname;city\r\nok1@files.example;Ada;\"Lyon; FR\"\r\n;NoKey;Paris\r\nnot-an-address;Bad;Paris\r\nok2@files.example;\"Bo \"\"B\"\"\";\"two\nlines\"\r\n");
        var r = Run($"Import-MauticContact -Path '{FilePath("in.csv")}' -Delimiter ';' -ErrorPath '{FilePath("errors.csv")}'");
        Assert.Null(r.Terminating);
        Assert.Equal(2, r.Output.Count);
        Assert.All(r.Output, o => Assert.Equal("Created", o.Properties["Action"].Value));
        Assert.Equal(2, r.Errors.Count);
        Assert.Equal("NoKey", ((PSObject)r.Errors[0].TargetObject).Properties["firstname"].Value);
        Assert.Equal("Bo \"B\"", Ok("(Get-MauticContact -Email ok2@files.example).firstname").Output.Single().BaseObject);

        var errors = File.ReadAllText(FilePath("errors.csv"));
        Assert.StartsWith("\"email\";\"firstname\";\"city\";\"MauticError\"\r\n", errors);
        Assert.Contains("\"\";\"NoKey\";\"Paris\";\"Line 3: Row", errors);
        Assert.Contains("\"not-an-address\";\"Bad\";\"Paris\";\"Line 4: ", errors);

        // Fix the file and import it again: the MauticError column is ignored (no unknown-column warning).
        File.WriteAllText(FilePath("errors.csv"), errors.Replace("\"\";\"NoKey\"", "\"nokey@files.example\";\"NoKey\"").Replace("not-an-address", "bad@files.example"));
        var again = Run($"Import-MauticContact '{FilePath("errors.csv")}' -Delimiter ';' -ErrorPath '{FilePath("errors2.csv")}'");
        Assert.Empty(again.Errors);
        Assert.Empty(again.Warnings);
        Assert.Equal(2, again.Output.Count(o => (string)o.Properties["Action"].Value! == "Created"));
        Assert.Equal("\"email\";\"firstname\";\"city\";\"MauticError\"\r\n", File.ReadAllText(FilePath("errors2.csv")));
    }

    [Fact]
    [Covers("Import-MauticContact", "LiteralPath")]
    public void The_file_is_read_as_it_is_synced_in_rounds_with_progress_and_a_second_import_writes_nothing()
    {
        Ps.Connect();
        File.WriteAllLines(FilePath("big.csv"), new[] { "Mail,Given" }.Concat(Enumerable.Range(1, 450).Select(i => $"p{i}@files.example,P{i}")), new UTF8Encoding(true));
        var first = Ok($"Import-MauticContact '{FilePath("big.csv")}' -FieldMap @{{ Mail = 'email'; Given = 'firstname' }}");
        Assert.Equal(450, first.Output.Count);
        Assert.Equal(3, Writes(first).Count(q => q.Path == "/api/contacts/batch/new"));
        Assert.Contains(first.Progress, p => p.StatusDescription.Contains("rows/s") && p.PercentComplete > 0 && p.PercentComplete <= 100);
        var second = Ok($"[pscustomobject]@{{ PSPath = '{FilePath("big.csv")}' }} | Import-MauticContact -FieldMap @{{ Mail = 'email'; Given = 'firstname' }} -InformationVariable info");
        Assert.All(second.Output, o => Assert.Equal("Unchanged", o.Properties["Action"].Value));
        Assert.Empty(Writes(second));
        Assert.Contains(second.Information, i => i.MessageData.ToString()!.StartsWith("Import-MauticContact: 0 created, 0 updated, 450 unchanged, 0 failed;", StringComparison.Ordinal));
    }

    [Fact]
    public void Header_Encoding_and_clear_errors_for_a_broken_file_a_bad_header_and_an_ErrorPath_that_is_the_input()
    {
        Ps.Connect();
        File.WriteAllBytes(FilePath("latin.csv"), Encoding.Latin1.GetBytes("zoe@files.example,Zoë\r\n"));
        var r = Ok($"Import-MauticContact '{FilePath("latin.csv")}' -Header email, firstname -Encoding latin1");
        Assert.Equal("Created", r.Output.Single().Properties["Action"].Value);
        Assert.Equal("Zoë", Ok("(Get-MauticContact -Email zoe@files.example).firstname").Output.Single().BaseObject);

        File.WriteAllText(FilePath("dup.csv"), "email,Email\r\na@files.example,b\r\n");
        var dup = Run($"Import-MauticContact '{FilePath("dup.csv")}'");
        Assert.Equal(ErrorCategory.InvalidData, dup.Errors.Single().CategoryInfo.Category);
        Assert.Contains("names the column 'Email' twice", dup.Errors.Single().Exception.Message);

        File.WriteAllText(FilePath("broken.csv"), "email,city\r\nb1@files.example,Paris\r\nb2@files.example,\"open\r\n");
        var broken = Run($"Import-MauticContact '{FilePath("broken.csv")}'");
        Assert.Equal("Created", broken.Output.Single().Properties["Action"].Value);   // the row before the break was synced
        Assert.Contains("starts on line 3 is never closed", broken.Terminating!.Exception.Message);

        var same = Run($"Import-MauticContact '{FilePath("dup.csv")}' -ErrorPath '{FilePath("dup.csv")}'");
        Assert.Contains("is the file being imported", same.Errors.Single().Exception.Message);
        var enc = Run($"Import-MauticContact '{FilePath("dup.csv")}' -Encoding klingon");
        Assert.Contains("'klingon' is not an encoding", enc.Terminating!.Exception.Message);
        var missing = Run($"Import-MauticContact '{FilePath("nothing.csv")}'");
        Assert.Equal(ErrorCategory.ObjectNotFound, missing.Errors.Single().CategoryInfo.Category);
        Assert.Empty(Writes(missing));
    }

    [Fact]
    [Covers("Export-MauticContact", "List")]
    public void Export_streams_the_chosen_fields_and_what_it_writes_imports_back_unchanged()
    {
        Ps.Connect();
        Ok("1..30 | ForEach-Object { [pscustomobject]@{ email = \"x$_@export.example\"; firstname = \"Fn, $_\"; city = 'Paris' } } | Sync-MauticContact");
        var r = Ok($"Export-MauticContact '{FilePath("out.csv")}' -Property email, FirstName, dateAdded -Search 'email:*@export.example' -PageSize 7 -Verbose");
        var lines = File.ReadAllLines(FilePath("out.csv"));
        Assert.Equal("\"email\",\"firstname\",\"dateAdded\"", lines[0]);
        Assert.Equal(31, lines.Length);
        Assert.Matches("^\"x1@export.example\",\"Fn, 1\",\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\"$", lines[1]);
        Assert.Equal(5, r.Api.Count(q => q.Path == "/api/contacts" && q.Method == "GET"));   // 7+7+7+7+2
        Assert.Contains(r.Verbose, v => v.Message.StartsWith("Export-MauticContact: 30 contact(s) written", StringComparison.Ordinal));
        var back = Ok($"Import-MauticContact '{FilePath("out.csv")}' -FieldMap @{{ email = 'email'; firstname = 'firstname' }}");
        Assert.All(back.Output, o => Assert.Equal("Unchanged", o.Properties["Action"].Value));

        var all = Ok($"Export-MauticContact '{FilePath("all.csv")}' -First 1");
        var header = File.ReadAllLines(FilePath("all.csv"))[0].Split(',');
        Assert.Equal("\"id\"", header[0]);
        Assert.Contains("\"email\"", header);
        Assert.Equal(new[] { "\"tags\"", "\"dateAdded\"", "\"dateModified\"" }, header[^3..]);
    }

    [Fact]
    public void Export_by_segment_NoClobber_and_an_unknown_property()
    {
        Ps.Seed();
        Ps.Connect();
        File.WriteAllText(FilePath("keep.csv"), "keep");
        var clobber = Run($"Export-MauticContact '{FilePath("keep.csv")}' -NoClobber");
        Assert.Equal(ErrorCategory.ResourceExists, clobber.Errors.Single().CategoryInfo.Category);
        Assert.Equal("keep", File.ReadAllText(FilePath("keep.csv")));
        var unknown = Run($"Export-MauticContact '{FilePath("keep.csv")}' -Property email, nosuch");
        Assert.Equal(ErrorCategory.InvalidArgument, unknown.Errors.Single().CategoryInfo.Category);
        Assert.Contains("'nosuch'", unknown.Errors.Single().Exception.Message);
        Assert.Equal("keep", File.ReadAllText(FilePath("keep.csv")));

        var seg = Ok($"Add-MauticSegmentMember -SegmentId 2 -ContactId 2; Export-MauticContact '{FilePath("seg.csv")}' id, email -Segment 2");
        Assert.Equal(new[] { "\"id\",\"email\"", "\"2\",\"a2@example.com\"" }, File.ReadAllLines(FilePath("seg.csv")));
        var whatIf = Ok($"Export-MauticContact '{FilePath("none.csv")}' -WhatIf");
        Assert.False(File.Exists(FilePath("none.csv")));
    }

    [Theory]
    [InlineData("5.1.0")]
    [InlineData("7.0.0")]
    [Covers("Get-MauticContact")]
    [Covers("Get-MauticCompany")]
    public void ModifiedSince_returns_what_was_created_or_edited_since_also_never_edited_records_and_CreatedSince_only_the_new(string version)
    {
        State.Version = version;
        Ps.Seed();
        Ps.Connect();
        var old = DateTime.UtcNow.AddHours(-2);
        lock (State.Sync)
            foreach (var c in State.Contacts.Values) { c.DateAdded = old; c.DateModified = null; }
        Ok("$c = New-MauticCompany -Name DeltaOld");
        lock (State.Sync)
            foreach (var c in State.Stores["companies"].Rows.Values) { c.DateAdded = old; c.DateModified = null; }
        var since = DateTime.UtcNow.AddMinutes(-1).ToString("o");
        Ok("Get-MauticContact -Id 1 | Set-MauticContact -Property @{ city = 'Delta' }; New-MauticContact -Email new@delta.example; New-MauticCompany -Name DeltaNew; Set-MauticCompany (Get-MauticCompany -Search DeltaOld).id -Property @{ companycity = 'X' }");
        var v7 = version == "7.0.0";
        // 7.0.0 keeps date_modified at the creation time through API edits (measured): the edited contact 1 and the
        // edited company DeltaOld are not found there, and each call says so in a warning.
        var changedRun = Ok($"Get-MauticContact -ModifiedSince '{since}'");
        Assert.Equal(v7 ? new object[] { "new@delta.example" } : new object[] { "a1@example.com", "new@delta.example" }, changedRun.Output.Select(o => o.Properties["email"].Value).ToList());
        Assert.Equal(v7 ? 1 : 0, changedRun.Warnings.Count(w => w.Message.Contains("does not move the date_modified of contacts")));
        var created = Ok($"Get-MauticContact -CreatedSince '{since}'").Output.Select(o => o.Properties["email"].Value).ToList();
        Assert.Equal(new object[] { "new@delta.example" }, created);
        var companies = Ok($"Get-MauticCompany -ModifiedSince '{since}'").Output.Select(o => o.Properties["companyname"].Value).ToList();
        Assert.Equal(v7 ? new object[] { "DeltaNew" } : new object[] { "DeltaOld", "DeltaNew" }, companies);
        Assert.Equal(new object[] { "DeltaNew" }, Ok($"Get-MauticCompany -CreatedSince '{since}'").Output.Select(o => o.Properties["companyname"].Value).ToList());

        var delta = Ok($"Export-MauticContact '{FilePath("delta.csv")}' email, city -ModifiedSince '{since}' -PageSize 1");
        Assert.Equal(v7 ? new[] { "\"email\",\"city\"", "\"new@delta.example\",\"\"" } : new[] { "\"email\",\"city\"", "\"a1@example.com\",\"Delta\"", "\"new@delta.example\",\"\"" },
            File.ReadAllLines(FilePath("delta.csv")));
        var get = delta.Api.First(q => q.Path == "/api/contacts");
        Assert.Equal("orX", get.Q("where[0][expr]"));
        Assert.Equal("date_modified", get.Q("where[0][val][0][col]"));
        Assert.Equal("date_added", get.Q("where[0][val][1][col]"));
        Assert.Equal("id", get.Q("orderBy"));
    }

    public new void Dispose()
    {
        base.Dispose();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}
