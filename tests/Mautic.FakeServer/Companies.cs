namespace Mautic.FakeServer;

/// <summary>
/// Companies: a row of <see cref="FakeAreas"/> whose records hold custom fields, rendered as Mautic 5.1.0 renders
/// them (measured), plus contact membership (companies/{id}/contact/{cid}/add|remove, contacts/{id}/companies).
/// </summary>
static partial class Routes
{
    /// <summary>The options of the stock "Industry" select field.</summary>
    static readonly string[] Industries =
    [
        "Aerospace & Defense", "Agriculture", "Apparel", "Automotive & Assembly", "Banking", "Biotechnology", "Chemicals",
        "Communications", "Construction", "Consumer Packaged Goods", "Education", "Electronics", "Energy", "Engineering",
        "Entertainment", "Environmental", "Finance", "Food & Beverage", "Government", "Healthcare", "Hospitality",
        "Insurance", "Machinery", "Manufacturing", "Media", "Metals & Mining", "Not for Profit", "Oil & Gas",
        "Packaging & Paper", "Private Equity & Principal Investors", "Recreation", "Real Estate", "Retail",
        "Semiconductors", "Shipping", "Social Sector", "Technology", "Telecommunications", "Transportation", "Utilities", "Other",
    ];

    /// <summary>A stock Mautic 5.1.0's company fields in field order (the order GET by id shows), with their ids, labels, types and groups.</summary>
    internal static readonly FieldSpec[] CompanyFields =
    [
        new("companyaddress1") { Label = "Address 1", FieldId = 29 },
        new("companyaddress2") { Label = "Address 2", FieldId = 30 },
        new("companyemail", FieldKind.Email) { Label = "Company Email", Type = "email", FieldId = 31 },
        new("companyphone") { Label = "Phone", Type = "tel", FieldId = 32 },
        new("companycity") { Label = "City", FieldId = 33 },
        new("companystate") { Label = "State", Type = "region", FieldId = 34 },
        new("companyzipcode") { Label = "Zip Code", FieldId = 35 },
        new("companycountry") { Label = "Country", Type = "country", FieldId = 36 },
        new("companyname") { Label = "Company Name", FieldId = 37 },
        new("companywebsite", FieldKind.Url) { Label = "Website", Type = "url", FieldId = 38 },
        new("companynumber_of_employees", FieldKind.Number) { Label = "Number of Employees", Type = "number", Group = "professional", FieldId = 39, IsFixed = false, Scale = 0 },
        new("companyfax") { Label = "Fax", Type = "tel", Group = "professional", FieldId = 40, IsFixed = false },
        new("companyannual_revenue", FieldKind.Number) { Label = "Annual Revenue", Type = "number", Group = "professional", FieldId = 41, IsFixed = false, Scale = 2 },
        new("companyindustry", FieldKind.Select) { Label = "Industry", Type = "select", Group = "professional", FieldId = 42, Options = Industries },
        new("companydescription") { Label = "Description", Group = "professional", FieldId = 43 },
    ];

    /// <summary>The companies table's column order: lists, batch edits and batch deletes render fields in this order.</summary>
    static readonly string[] CompanyColumns =
    [
        "companyemail", "companyaddress1", "companyaddress2", "companyphone", "companycity", "companystate", "companyzipcode",
        "companycountry", "companyname", "companywebsite", "companyindustry", "companydescription",
        "companynumber_of_employees", "companyfax", "companyannual_revenue",
    ];

    static readonly string[] CompanyGroups = ["core", "professional"];

    /// <summary>
    /// A company as Mautic 5.1.0 renders it: {id, score, fields: {core, professional, ..., all}}, no isPublished or
    /// dates. Read back (get, list, edit) each field is {id (a string), label, alias, type, group, object, is_fixed,
    /// properties, default_value, value, normalizedValue} and the empty group is other: []; freshly created (201)
    /// each field is {id (an int), group, label, alias, type, value, normalizedValue} and the empty groups are
    /// social: [] and personal: []. A failed batch edit shows the stored company without "all".
    /// </summary>
    internal static JsonObject RenderCompany(FakeState s, Entity e, RenderMode mode)
    {
        var created = mode == RenderMode.Created;
        IEnumerable<FieldSpec> order = mode is RenderMode.Many or RenderMode.FailedEdit
            ? CompanyColumns.Select(c => CompanyFields.First(f => f.Name == c))
            : CompanyFields;
        JsonNode? id = mode == RenderMode.Deleted ? null : e.Id;
        var fields = new JsonObject();
        foreach (var g in CompanyGroups)
        {
            var group = new JsonObject();
            foreach (var f in order.Where(f => f.Group == g))
            {
                var value = Shown(e, f, created);
                JsonNode? normalized = value == null ? "" : ValueNode(value);
                group[f.Name] = created
                    ? new JsonObject
                    {
                        ["id"] = f.FieldId, ["group"] = f.Group, ["label"] = f.Label, ["alias"] = f.Name, ["type"] = f.Type,
                        ["value"] = ValueNode(value), ["normalizedValue"] = normalized,
                    }
                    : new JsonObject
                    {
                        ["id"] = f.FieldId.ToString(CultureInfo.InvariantCulture), ["label"] = f.Label, ["alias"] = f.Name, ["type"] = f.Type,
                        ["group"] = f.Group, ["object"] = "company", ["is_fixed"] = f.IsFixed ? "1" : "0", ["properties"] = f.Properties,
                        ["default_value"] = null, ["value"] = ValueNode(value), ["normalizedValue"] = normalized,
                    };
            }
            fields[g] = group;
        }
        if (created) { fields["social"] = new JsonArray(); fields["personal"] = new JsonArray(); }
        else fields["other"] = new JsonArray();
        if (mode != RenderMode.FailedEdit)
        {
            var all = new JsonObject { ["id"] = id?.DeepClone() };
            foreach (var f in order) all[f.Name] = ValueNode(Shown(e, f, created));
            fields["all"] = all;
        }
        return new JsonObject { ["id"] = id, ["score"] = 0, ["fields"] = fields };
    }

    /// <summary>A field's value as the answer shows it: a 201 shows numbers cast to int (1234.5 as 1234, measured) though the stored value keeps its decimals.</summary>
    static object? Shown(Entity e, FieldSpec f, bool created) => created && e[f.Name] is double d ? (long)Math.Truncate(d) : e[f.Name];

    /// <summary>Deleting a company ends its memberships; the contacts' "company" field keeps the old name (measured).</summary>
    internal static void CompanyDeleted(FakeState s, Entity company)
    {
        foreach (var c in s.Contacts.Values) c.Companies.RemoveAll(l => l.CompanyId == company.Id);
    }

    /// <summary>
    /// companies/{id}/contact/{cid}/add|remove, as measured: adding makes the company the contact's primary one and
    /// its name the contact's "company" field (adding a company the contact already has changes nothing); removing
    /// the primary one makes the first remaining company (lowest id) primary, or blanks the field. Both answer
    /// {"success":1}, also when nothing changed.
    /// </summary>
    static Task CompanyMember(HttpContext ctx, FakeState s, bool add)
    {
        Reply r;
        lock (s.Sync)
        {
            if (!s.Companies.Rows.TryGetValue(Id(ctx), out var company)) r = Reply.NotFound;
            else if (!s.Contacts.TryGetValue(Id(ctx, "cid"), out var c))
                r = add ? new Reply(404, ApiErrorJson(404, "Contact not found.", null)) : Reply.NotFound;
            else
            {
                var link = c.Companies.FirstOrDefault(l => l.CompanyId == company.Id);
                if (add && link == null) Link(c, company);
                else if (!add && link != null)
                {
                    c.Companies.Remove(link);
                    if (link.Primary)
                    {
                        var next = c.Companies.OrderBy(l => l.CompanyId).FirstOrDefault();
                        if (next != null) next.Primary = true;
                        c.Fields["company"] = next != null && s.Companies.Rows.TryGetValue(next.CompanyId, out var n) ? n.Text("companyname") : null;
                    }
                }
                r = new Reply(200, new JsonObject { ["success"] = 1 });
            }
        }
        return Send(ctx, r);
    }

    /// <summary>Makes <paramref name="company"/> the contact's primary company and its name the contact's "company" field.</summary>
    static void Link(Contact c, Entity company)
    {
        foreach (var l in c.Companies) l.Primary = false;
        c.Companies.Add(new CompanyLink { CompanyId = company.Id, Primary = true });
        c.Fields["company"] = company.Text("companyname");
    }

    /// <summary>
    /// A contact create or edit that sends "company" (measured on 5.1.0 and 7.0.0, contacts/new, batch/new and PATCH
    /// alike): the company of that name (compared as MySQL does, case-insensitively) or, when there is none, a new
    /// company of that name created by the caller; the contact is linked to it as its primary company (its other
    /// companies stay, no longer primary) and the field shows the company's stored name ("ACME" sent, "Acme" shown).
    /// A contact already linked to it keeps its links, as companies/{id}/contact/{cid}/add does.
    /// </summary>
    internal static void ContactCompanySent(FakeState s, Contact c, string name, Principal who)
    {
        var company = s.Companies.Rows.Values.FirstOrDefault(e => e.Text("companyname") is string n && Collation.Equals(n, name))
            ?? s.Companies.Add(new Dictionary<string, object?> { ["companyname"] = name }, who);
        if (c.Companies.Any(l => l.CompanyId == company.Id)) c.Fields["company"] = company.Text("companyname");
        else Link(c, company);
    }

    static string SqlDate(DateTime d) => d.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// GET contacts/{id}/companies: {"total": int, "companies": [rows]}, each row a raw database row (every value a
    /// string, NULL columns left out): company_id, date_associated, is_primary, then the companies table's columns.
    /// </summary>
    static Task ContactCompanies(HttpContext ctx, FakeState s)
    {
        Reply r;
        lock (s.Sync)
        {
            if (!s.Contacts.TryGetValue(Id(ctx), out var c)) r = Reply.NotFound;
            else
            {
                var rows = new JsonArray();
                foreach (var l in c.Companies.OrderBy(l => l.CompanyId))
                {
                    if (!s.Companies.Rows.TryGetValue(l.CompanyId, out var co)) continue;
                    var id = co.Id.ToString(CultureInfo.InvariantCulture);
                    var row = new JsonObject
                    {
                        ["company_id"] = id, ["date_associated"] = SqlDate(l.Associated), ["is_primary"] = l.Primary ? "1" : "0",
                        ["id"] = id, ["is_published"] = "1", ["date_added"] = SqlDate(co.DateAdded),
                    };
                    void Put(string key, string? value)
                    {
                        if (value != null) row[key] = value;
                    }
                    Put("created_by", co.CreatedBy?.ToString(CultureInfo.InvariantCulture));
                    Put("created_by_user", co.CreatedByUser);
                    Put("date_modified", co.DateModified.HasValue ? SqlDate(co.DateModified.Value) : null);
                    Put("modified_by", co.ModifiedBy?.ToString(CultureInfo.InvariantCulture));
                    Put("modified_by_user", co.ModifiedByUser);
                    row["social_cache"] = "a:0:{}";
                    row["score"] = "0";
                    foreach (var col in CompanyColumns) Put(col, co.Text(col));
                    rows.Add(row);
                }
                r = new Reply(200, new JsonObject { ["total"] = rows.Count, ["companies"] = rows });
            }
        }
        return Send(ctx, r);
    }
}
