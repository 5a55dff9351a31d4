using Mautic.Client.Files;
using System.Text;
using Mautic.Client.Paging;
using Xunit;

namespace Mautic.Client.Tests;

public class CsvTests
{
    static CsvReader Reader(string text, Encoding? encoding = null, char delimiter = ',', string[]? header = null, bool bom = false)
    {
        var e = encoding ?? new UTF8Encoding(false);
        var bytes = (bom ? e.GetPreamble() : new byte[0]).Concat(e.GetBytes(text)).ToArray();
        return new CsvReader(new MemoryStream(bytes), bom ? null : encoding, delimiter, header, "test.csv");
    }

    static List<string[]> All(CsvReader r)
    {
        var rows = new List<string[]>();
        for (string[]? row; (row = r.Read()) != null;) rows.Add(row);
        return rows;
    }

    [Fact]
    public void Quotes_doubled_quotes_delimiters_and_line_breaks_inside_quotes_are_one_field()
    {
        using var r = Reader("email,note\r\n\"a@x.com\",\"say \"\"hi\"\", then, go\"\r\nb@x.com,\"two\nlines\r\nthree\"\nc@x.com,plain\n");
        Assert.Equal(new[] { "email", "note" }, r.Header);
        var rows = All(r);
        Assert.Equal(3, rows.Count);
        Assert.Equal(new[] { "a@x.com", "say \"hi\", then, go" }, rows[0]);
        Assert.Equal(new[] { "b@x.com", "two\nlines\r\nthree" }, rows[1]);
        Assert.Equal(new[] { "c@x.com", "plain" }, rows[2]);
    }

    [Fact]
    public void Record_lines_count_line_breaks_inside_quotes_and_empty_lines_are_skipped()
    {
        using var r = Reader("email,note\n\na@x.com,\"1\n2\"\n\nb@x.com,3");
        Assert.NotNull(r.Read());
        Assert.Equal(3, r.RecordLine);
        Assert.Equal(new[] { "b@x.com", "3" }, r.Read());
        Assert.Equal(6, r.RecordLine);
        Assert.Null(r.Read());
    }

    [Fact]
    public void Short_records_leave_columns_null_and_long_ones_drop_extra_fields_and_are_counted()
    {
        using var r = Reader("a,b,c\n1\n1,2,3,4\n");
        Assert.Equal(new[] { "1", null, null }, r.Read());
        Assert.Equal(new[] { "1", "2", "3" }, r.Read());
        Assert.Equal(1, r.ExtraFields);
    }

    [Fact]
    public void Delimiter_given_header_and_type_line_work_as_Import_Csv()
    {
        using (var r = Reader("#TYPE System.Management.Automation.PSCustomObject\n\"email\";\"city\"\nx@y.com;\"Lyon; FR\"\n", delimiter: ';'))
        {
            Assert.Equal(new[] { "email", "city" }, r.Header);
            Assert.Equal(new[] { "x@y.com", "Lyon; FR" }, r.Read());
        }
        using (var r = Reader("x@y.com\tLyon\n", delimiter: '\t', header: new[] { "email", "city" }))
            Assert.Equal(new[] { "x@y.com", "Lyon" }, r.Read());
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-8")]
    [InlineData("utf-32")]
    public void A_byte_order_mark_decides_the_encoding(string name)
    {
        using var r = Reader("email,name\né@x.com,Zoë\n", Encoding.GetEncoding(name), bom: true);
        Assert.Equal("email", r.Header[0]);
        Assert.Equal(new[] { "é@x.com", "Zoë" }, r.Read());
    }

    [Fact]
    public void The_encoding_given_reads_a_file_without_a_mark()
    {
        using var r = Reader("name\nZoë\n", Encoding.GetEncoding(28591));
        Assert.Equal("Zoë", r.Read()![0]);
        using var u = Reader("name\nZoë\n", TextEncodings.Parse("unicode"));
        Assert.Equal("Zoë", u.Read()![0]);
    }

    [Theory]
    [InlineData("email,,city", "empty column name (column 2)")]
    [InlineData("email,Email", "names the column 'Email' twice")]
    public void An_empty_or_repeated_header_name_is_an_error_naming_it(string header, string message)
    {
        var e = Assert.Throws<MauticApiException>(() => Reader(header + "\n1,2,3\n"));
        Assert.Equal(MauticErrorKind.InvalidData, e.Kind);
        Assert.Contains(message, e.Message);
        Assert.Contains("test.csv", e.Message);
    }

    [Fact]
    public void An_empty_file_and_a_quote_never_closed_are_errors()
    {
        Assert.Contains("has no header", Assert.Throws<MauticApiException>(() => Reader("")).Message);
        using var r = Reader("a,b\n1,\"open\n2,3\n");
        Assert.Contains("starts on line 2 is never closed", Assert.Throws<MauticApiException>(() => r.Read()).Message);
    }

    [Fact]
    public void Bytes_read_advance_to_the_length_for_progress()
    {
        var text = "email\n" + string.Concat(Enumerable.Range(0, 20000).Select(i => $"c{i}@example.com\n"));
        using var r = Reader(text);
        Assert.Equal(Encoding.UTF8.GetByteCount(text), r.Length);
        var n = 0;
        var before = r.BytesRead;
        while (r.Read() != null) n++;
        Assert.Equal(20000, n);
        Assert.True(before < r.Length);
        Assert.Equal(r.Length, r.BytesRead);
    }

    [Fact]
    public void What_the_writer_writes_the_reader_reads_back()
    {
        var sw = new StringWriter();
        using (var w = new CsvWriter(sw, ';'))
        {
            w.Write(new[] { "email", "note" });
            w.Write(new[] { "a@x.com", "say \"hi\";\nbye" });
            w.Write(new[] { "b@x.com", null });
        }
        Assert.StartsWith("\"email\";\"note\"\r\n", sw.ToString());
        using var r = Reader(sw.ToString(), delimiter: ';');
        Assert.Equal(new[] { "a@x.com", "say \"hi\";\nbye" }, r.Read());
        Assert.Equal(new[] { "b@x.com", "" }, r.Read());
    }

    [Theory]
    [InlineData("utf8", 65001, false)]
    [InlineData("utf8BOM", 65001, true)]
    [InlineData("unicode", 1200, true)]
    [InlineData("latin1", 28591, false)]
    [InlineData("28591", 28591, false)]
    public void Encoding_names_as_Export_Csv_takes_them(string name, int codePage, bool bom)
    {
        var e = TextEncodings.Parse(name);
        Assert.Equal(codePage, e.CodePage);
        Assert.Equal(bom, e.GetPreamble().Length > 0);
    }

    [Fact]
    public void An_unknown_encoding_is_an_error_naming_it()
    {
        var e = Assert.Throws<MauticApiException>(() => TextEncodings.Parse("klingon"));
        Assert.Equal(MauticErrorKind.InvalidArgument, e.Kind);
        Assert.Contains("'klingon'", e.Message);
    }

    [Fact]
    public void A_changed_since_clause_nests_date_modified_or_date_added_in_UTC()
    {
        var request = MauticRequest.Get("contacts");
        var since = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        WhereClause.AddTo(request, new[] { WhereClause.ChangedSince(since), WhereClause.AddedSince(since) });
        var q = request.Query.ToDictionary(kv => kv.Key, kv => kv.Value);
        Assert.Equal("orX", q["where[0][expr]"]);
        Assert.False(q.ContainsKey("where[0][col]"));
        Assert.Equal("date_modified", q["where[0][val][0][col]"]);
        Assert.Equal("gte", q["where[0][val][0][expr]"]);
        Assert.Equal("2026-01-02 03:04:05", q["where[0][val][0][val]"]);
        Assert.Equal("date_added", q["where[0][val][1][col]"]);
        Assert.Equal("date_added", q["where[1][col]"]);
    }
}
