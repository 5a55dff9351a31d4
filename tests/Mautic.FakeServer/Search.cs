namespace Mautic.FakeServer;

/// <summary>
/// Mautic 5.1's list search (?search=), as SearchStringHelper parses it and the repositories turn it into SQL LIKE,
/// measured against a real 5.1.0:
/// <list type="bullet">
/// <item>Terms are separated by spaces ("quotes" keep spaces); all terms must match, unless the second term is
/// preceded by <c>or</c>, which makes every term optional. A leading <c>!</c> negates a term, a leading <c>+</c> makes
/// it strict (no % added). Values are lower-cased; matching is case-insensitive.</item>
/// <item>The wildcard is SQL's: <c>%</c> any run of characters, <c>_</c> one character. <c>*</c> is a literal
/// character and matches nothing.</item>
/// <item>Contacts: <c>email:x</c>, <c>tag:x</c>, <c>company:x</c>, <c>name:x</c> (first or last name) and
/// <c>&lt;field alias&gt;:x</c> are prefix matches: LIKE 'x%', with '%' appended even when x holds a '%'.
/// Plain text is a substring match (LIKE '%x%') over first name, last name, e-mail, company, city, state, zip
/// code, country and the social fields; when it holds a '%' it is used as typed (LIKE 'x').</item>
/// <item>Segments: plain text is a substring match over name and alias (as typed when it holds a '%');
/// <c>name:x</c> is LIKE '%x%'.</item>
/// <item>Tag terms are joined to one tag row, so two positive tag terms must match the same tag; a negated tag
/// term keeps contacts that have any tag not matching it, or no tag at all.</item>
/// <item>A command Mautic does not know is searched as the plain, strict text "command:value".</item>
/// </list>
/// Not emulated: parenthesised groups, and commands that need data the fake does not keep (owner:, ip:, stage:,
/// email_sent:, ...), which match nothing here.
/// </summary>
public static class MauticSearch
{
    public sealed record Term(string Command, string Text, bool Not, bool Strict);

    public sealed record Parsed(IReadOnlyList<Term> Terms, bool Or);

    /// <summary>Splits a search string the way Mautic's SearchStringHelper does (without parenthesised groups).</summary>
    /// <remarks>
    /// <paramref name="upperCaseOr"/>: Mautic 7.0 reads only "OR" as the operator (measured on 7.0.0: "email:a or
    /// email:b" finds nothing, "email:a OR email:b" both; 5.1.0 takes either).
    /// </remarks>
    public static Parsed Parse(string input, bool upperCaseOr = false)
    {
        var terms = new List<Term>();
        var types = new List<string>();
        var pendingType = "and";
        var command = "";
        var not = false;
        var sb = new StringBuilder();
        var chars = (input ?? "").Trim();

        void Flush()
        {
            var raw = sb.ToString().Trim();
            var text = raw.ToLowerInvariant();
            sb.Clear();
            if (text == "and" || (text == "or" && (!upperCaseOr || raw == "OR")))
            {
                pendingType = text;
                command = "";
                return;
            }
            if (text.Length == 0) return; // a run of spaces, or a space right after "command:"
            var strict = false;
            var plus = text.IndexOf('+');
            var bang = text.IndexOf('!');
            if (plus is 0 or 1 || bang is 0 or 1)
            {
                if (plus >= 0 && bang >= 0) { strict = true; not = true; text = text[2..]; }
                else if (plus == 0 && bang < 0) { strict = true; not = false; text = text[1..]; }
                else if (plus < 0 && bang == 0) { not = true; text = text[1..]; }
            }
            terms.Add(new Term(command, text, not, strict));
            types.Add(pendingType);
            pendingType = "and";
            command = "";
            not = false;
        }

        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c == ':')
            {
                var cmd = sb.ToString().Trim();
                sb.Clear();
                if (cmd.StartsWith('!')) { not = true; cmd = cmd[1..]; }
                if (i == chars.Length - 1) { command = ""; not = false; break; } // "email:" alone: no filter
                command = cmd.ToLowerInvariant();
            }
            else if (c == ' ')
            {
                Flush();
            }
            else if (c == '"')
            {
                var end = chars.IndexOf('"', i + 1);
                if (end < 0) end = chars.Length;
                var quoted = chars[(i + 1)..Math.Min(end, chars.Length)];
                if (sb.ToString().Trim() == "!") { not = true; sb.Clear(); }
                sb.Append(quoted);
                i = end;
                Flush();
            }
            else
            {
                sb.Append(c);
                if (i == chars.Length - 1) Flush();
            }
        }
        // The whole search is OR when its second term was joined with "or", otherwise AND.
        var or = types.Count > 1 ? types[1] == "or" : false;
        return new Parsed(terms, or);
    }

    /// <summary>MySQL LIKE, case-insensitive: % any run, _ one character, \ escapes. Null never matches.</summary>
    public static bool? Like(string? value, string pattern)
    {
        if (value == null) return null;
        var rx = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length) rx.Append(Regex.Escape(pattern[++i].ToString()));
            else if (c == '%') rx.Append(".*");
            else if (c == '_') rx.Append('.');
            else rx.Append(Regex.Escape(c.ToString()));
        }
        rx.Append('$');
        return Regex.IsMatch(value, rx.ToString(), RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    static bool? Not(bool? v) => v.HasValue ? !v.Value : null;

    static bool? AnyOf(IEnumerable<bool?> values)
    {
        var sawNull = false;
        foreach (var v in values)
        {
            if (v == true) return true;
            if (v == null) sawNull = true;
        }
        return sawNull ? null : false;
    }

    static bool? Combine(IEnumerable<bool?> values, bool or)
    {
        if (or) return AnyOf(values);
        var sawNull = false;
        foreach (var v in values)
        {
            if (v == false) return false;
            if (v == null) sawNull = true;
        }
        return sawNull ? null : true;
    }

    /// <summary>Catch-all (plain text): substring, or as typed when it holds a %, or exact when strict.</summary>
    static string CatchAllPattern(Term t) => t.Strict || t.Text.Contains('%') ? t.Text : "%" + t.Text + "%";

    /// <summary>Contact commands: prefix, '%' appended even after a typed '%', exact when strict.</summary>
    static string PrefixPattern(Term t) => t.Strict ? t.Text : t.Text + "%";

    static readonly string[] ContactCatchAll = ["firstname", "lastname", "email", "company", "city", "state", "zipcode", "country"];

    public static bool MatchContact(Contact c, string search, FakeState s)
    {
        var parsed = Parse(search, upperCaseOr: s.IsV7);
        var socials = FakeState.FieldDefs.Where(f => f.Group == "social").Select(f => f.Alias);
        var catchAll = ContactCatchAll.Concat(socials).ToArray();
        var results = new List<bool?>();
        var tagTerms = new List<Term>();
        foreach (var t in parsed.Terms)
        {
            bool? r;
            switch (t.Command)
            {
                case "":
                    r = AnyOf(catchAll.Select(f => Like(c.Fields.GetValueOrDefault(f), CatchAllPattern(t))));
                    if (t.Not) r = Not(r);
                    break;
                case "tag":
                    tagTerms.Add(t);
                    continue;
                case "email":
                case "company":
                    r = Like(c.Fields.GetValueOrDefault(t.Command), PrefixPattern(t));
                    if (t.Not) r = Not(r);
                    break;
                case "name":
                    r = AnyOf([Like(c.Fields.GetValueOrDefault("firstname"), PrefixPattern(t)), Like(c.Fields.GetValueOrDefault("lastname"), PrefixPattern(t))]);
                    if (t.Not) r = Not(r);
                    break;
                case "ids":
                    r = t.Text.Split(',').Any(x => long.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id == c.Id);
                    if (t.Not) r = Not(r);
                    break;
                case "company_id":
                    // Exact (Mautic makes the term strict): the contact has a companies_leads row for that company id.
                    r = long.TryParse(t.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var companyId) && c.Companies.Any(l => l.CompanyId == companyId);
                    if (t.Not) r = Not(r);
                    break;
                case "segment":
                    r = s.Segments.Values.Any(g => string.Equals(g.Alias, t.Text, StringComparison.OrdinalIgnoreCase) && g.Members.Contains(c.Id));
                    if (t.Not) r = Not(r);
                    break;
                case "is" when t.Text == "unowned":
                    r = c.Owner is null or 0;
                    if (t.Not) r = Not(r);
                    break;
                case "is" when t.Text == "anonymous":
                    r = false; // every contact the fake keeps is identified
                    if (t.Not) r = Not(r);
                    break;
                default:
                    if (FakeState.FieldDefs.Any(f => f.Alias == t.Command))
                    {
                        r = Like(c.Fields.GetValueOrDefault(t.Command), PrefixPattern(t));
                        if (t.Not) r = Not(r);
                    }
                    else
                    {
                        // Not a command Mautic knows: the whole "command:value" is searched as strict plain text.
                        var whole = new Term("", t.Command + ":" + t.Text, false, true);
                        r = AnyOf(catchAll.Select(f => Like(c.Fields.GetValueOrDefault(f), CatchAllPattern(whole))));
                    }
                    break;
            }
            results.Add(r);
        }
        if (results.Count > 0 && Combine(results, parsed.Or) != true) return false;
        return tagTerms.Count == 0 || MatchTags(c, tagTerms);
    }

    /// <summary>
    /// Tag terms join the contact's tags once: some tag row must satisfy every tag term. When every tag term is
    /// negated the join is a left join (a contact without tags gives one NULL row), and a negated term is
    /// "NOT LIKE or IS NULL".
    /// </summary>
    static bool MatchTags(Contact c, List<Term> terms)
    {
        var leftJoin = terms.All(t => t.Not);
        IEnumerable<string?> rows = c.Tags;
        if (c.Tags.Count == 0 && leftJoin) rows = [null];
        return rows.Any(tag => terms.All(t => t.Not
            ? tag == null || Like(tag, PrefixPattern(t)) == false
            : Like(tag, PrefixPattern(t)) == true));
    }

    public static bool MatchSegment(Segment g, string search)
    {
        var parsed = Parse(search);
        var results = new List<bool?>();
        foreach (var t in parsed.Terms)
        {
            bool? r;
            switch (t.Command)
            {
                case "":
                    r = AnyOf([Like(g.Name, CatchAllPattern(t)), Like(g.Alias, CatchAllPattern(t))]);
                    break;
                case "name":
                    r = Like(g.Name, t.Strict ? t.Text : "%" + t.Text + "%");
                    break;
                case "ids":
                    r = t.Text.Split(',').Any(x => long.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id == g.Id);
                    break;
                case "is" when t.Text == "published":
                    r = g.IsPublished;
                    break;
                case "is" when t.Text == "unpublished":
                    r = !g.IsPublished;
                    break;
                case "is" when t.Text == "global":
                    r = true;
                    break;
                default:
                    var whole = t.Command + ":" + t.Text;
                    results.Add(AnyOf([Like(g.Name, whole), Like(g.Alias, whole)]));
                    continue;
            }
            results.Add(t.Not ? Not(r) : r);
        }
        return results.Count == 0 || Combine(results, parsed.Or) == true;
    }

    /// <summary>
    /// A simple area's search (<see cref="AreaDef"/>): plain text is a substring match over the row's
    /// <see cref="AreaDef.SearchFields"/> (as typed when it holds a '%'); <c>ids:1,2</c>; <c>is:published</c> and
    /// <c>is:unpublished</c> where records have isPublished; with <see cref="AreaDef.FieldCommands"/> every field alias is
    /// a prefix-match command (companies: <c>companyname:acme</c>). Any other command is searched as the plain,
    /// strict text "command:value", as Mautic does.
    /// </summary>
    public static bool MatchEntity(AreaDef a, Entity e, string search)
    {
        var parsed = Parse(search);
        var results = new List<bool?>();
        bool? CatchAll(Term t) => AnyOf(a.SearchFields.Select(f => Like(e.Text(f), CatchAllPattern(t))));
        foreach (var t in parsed.Terms)
        {
            bool? r;
            switch (t.Command)
            {
                case "":
                    r = CatchAll(t);
                    break;
                case "ids":
                    r = t.Text.Split(',').Any(x => long.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id == e.Id);
                    break;
                case "is" when a.Header && t.Text == "published":
                    r = e.IsPublished;
                    break;
                case "is" when a.Header && t.Text == "unpublished":
                    r = !e.IsPublished;
                    break;
                default:
                    if (a.FieldCommands && a.Field(t.Command) != null)
                    {
                        r = Like(e.Text(t.Command), PrefixPattern(t));
                        break;
                    }
                    results.Add(CatchAll(new Term("", t.Command + ":" + t.Text, false, true)));
                    continue;
            }
            results.Add(t.Not ? Not(r) : r);
        }
        return results.Count == 0 || Combine(results, parsed.Or) == true;
    }
}
