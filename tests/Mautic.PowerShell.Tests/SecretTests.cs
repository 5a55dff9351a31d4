using System.Collections;
using System.Management.Automation;
using System.Text;

namespace MauticPS.InProcess;

/// <summary>
/// Every cmdlet, with -Verbose -Debug, under Basic and OAuth2, succeeding and failing: the password, client secret,
/// access and refresh tokens appear in no stream, no ErrorRecord and nothing any returned object leads to when
/// serialized at depth 5 (CliXml, as Export-Clixml and job output do, and a public-property walk, as ConvertTo-Json does).
/// </summary>
public sealed class SecretTests : PsTest
{
    public static IEnumerable<object[]> Runs =>
        from c in CmdletCases.Every
        from auth in new[] { "Basic", "ClientCredentials", "RefreshToken" }
        select new object[] { c.Cmdlet, auth };

    [Theory]
    [MemberData(nameof(Runs))]
    public void No_secret_reaches_any_stream_error_or_serialized_output(string cmdlet, string auth)
    {
        var c = CmdletCases.Get(cmdlet);
        Ps.Seed(3);
        lock (State.Sync) State.Segments[1].Members.Add(1);
        Ok("$PSDefaultParameterValues['*-Mautic*:Verbose'] = $true; $PSDefaultParameterValues['*-Mautic*:Debug'] = $true");
        var connect = Ps.Connect(auth, extra: "-MaxRetries 1 -RetryDelaySec 0");   // the token exchange, with -Debug on
        Assert.Contains(connect.Debug, d => d.Message.StartsWith("Response body"));
        var runs = new List<PsResult> { connect, Run(c.Success), Run("Get-MauticConnection") };
        if (c.Failure != null) runs.Add(Run(c.Failure));
        State.Arm(new Mautic.FakeServer.Fault { Kind = Mautic.FakeServer.FaultKind.Status, Status = 503, Count = 50 });
        runs.Add(Run(c.Success));                                           // and when the server fails
        if (runs[0].Api.Count > 0) Assert.NotEmpty(runs[0].Verbose);       // -Verbose really was on
        var text = Everything(runs);
        foreach (var secret in Secrets())
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"a secret ({secret[..3]}…) leaked");
    }

    [Fact]
    public void The_connection_object_has_no_path_to_a_secret()
    {
        Ps.Connect("RefreshToken");
        var r = Ok("Get-MauticConnection; Connect-Mautic $BaseUrl -Credential $Cred -PassThru");
        var text = Everything([r]);
        Assert.Contains("BaseUrl", text);                                   // the walk did reach the properties
        foreach (var secret in Secrets()) Assert.DoesNotContain(secret, text);
        var names = r.Output[0].Properties.Select(p => p.Name).ToHashSet();
        Assert.DoesNotContain("Client", names);
        Assert.DoesNotContain("Contacts", names);
    }

    [Theory]
    [InlineData("Basic")]
    [InlineData("ClientCredentials")]
    public void A_new_users_password_reaches_no_stream_error_WhatIf_or_output(string auth)
    {
        const string password = "Us3r-Hidden!pw";
        Ok("$PSDefaultParameterValues['*-Mautic*:Verbose'] = $true; $PSDefaultParameterValues['*-Mautic*:Debug'] = $true");
        Ps.Connect(auth, extra: "-MaxRetries 1 -RetryDelaySec 0");
        var pw = $"$pw = [System.Net.NetworkCredential]::new('', '{password}').SecurePassword; ";
        var row = "[pscustomobject]@{ username = 'sx'; email = 'sx@example.com'; firstName = 'S'; lastName = 'X'; role = 1 }";
        var runs = new List<PsResult>
        {
            Run(pw + "New-MauticUser -UserName s1 -Email s1@example.com -FirstName S -LastName X -RoleId 1 -Password $pw"),       // one, 201
            Run(pw + $"{row}, {row.Replace("sx", "sy")} | New-MauticUser -Password $pw"),                                         // a batch, with -Debug bodies
            Run(pw + "New-MauticUser -UserName s1 -Email bad -FirstName S -LastName X -Password $pw"),                            // refused: 400, target = payload
            Run(pw + "New-MauticUser -UserName s9 -Email s9@example.com -FirstName S -LastName X -RoleId 1 -Password $pw -WhatIf"),
            Run(pw + "New-MauticUser -UserName s2 -Email s2@example.com -FirstName S -LastName X -RoleId 1 -Password $pw -Property @{ plainPassword = @{ password = $pw; confirm = 'other' } }"),
        };
        State.Arm(new Mautic.FakeServer.Fault { Kind = Mautic.FakeServer.FaultKind.Status, Status = 503, Count = 50 });
        runs.Add(Run(pw + "New-MauticUser -UserName s3 -Email s3@example.com -FirstName S -LastName X -RoleId 1 -Password $pw"));
        Assert.Contains(runs[1].Debug, d => d.Message.StartsWith("Request body") && d.Message.Contains("plainPassword"));
        Assert.NotEmpty(runs[2].Errors);
        Assert.DoesNotContain(password, Everything(runs));
    }

    IEnumerable<string> Secrets()
    {
        yield return State.AdminPassword;
        yield return State.ClientSecret;
        yield return Convert.ToBase64String(Encoding.UTF8.GetBytes(State.AdminUser + ":" + State.AdminPassword));
        yield return "Wrong-Password-123";
        lock (State.Sync)
        {
            foreach (var t in State.AccessTokens.Keys.ToList()) yield return t;
            foreach (var t in State.RefreshTokens.Keys.ToList()) yield return t;
        }
    }

    /// <summary>
    /// Asserts <paramref name="secret"/> (a proxy's password, ProxyTests) is in no stream, error or serialized output of
    /// <paramref name="run"/>, checked the way every other secret is.
    /// </summary>
    public static void AssertNoSecret(PsResult run, string secret)
    {
        var text = Everything([run]);
        Assert.False(text.Contains(secret, StringComparison.Ordinal), $"a secret ({secret[..3]}…) leaked");
    }

    static string Everything(IEnumerable<PsResult> runs)
    {
        var sb = new StringBuilder();
        foreach (var r in runs)
        {
            foreach (var o in r.Output) Serialize(sb, o);
            foreach (var v in r.Verbose) sb.AppendLine(v.Message);
            foreach (var d in r.Debug) sb.AppendLine(d.Message);
            foreach (var w in r.Warnings) sb.AppendLine(w.Message);
            foreach (var i in r.Information) sb.AppendLine(i.MessageData?.ToString());
            foreach (var p in r.Progress) sb.AppendLine(p.Activity + " " + p.StatusDescription);
            foreach (var e in r.AllErrors)
            {
                sb.AppendLine(e.ToString()).AppendLine(e.FullyQualifiedErrorId).AppendLine(e.ErrorDetails?.Message);
                for (var x = e.Exception; x != null; x = x.InnerException) sb.AppendLine(x.Message).AppendLine(x.ToString());
                Serialize(sb, e.TargetObject);
                Serialize(sb, e.Exception);
            }
        }
        return sb.ToString();
    }

    static void Serialize(StringBuilder sb, object? o)
    {
        if (o == null) return;
        // PowerShell's own exceptions (a parameter that failed validation) lead through InvocationInfo to the command
        // and its module, whose 163 cmdlets' metadata CliXml at depth 5 takes 10-20 s per exception and holds no value
        // of ours; CliXml reads them at Export-Clixml's default depth (2), and the walk below still reads every property,
        // bound parameters included, to depth 5. The module's own exceptions and every other object get depth 5.
        var depth = o is Exception e && e.GetType().Namespace?.StartsWith("Mautic", StringComparison.Ordinal) != true ? 2 : 5;
        sb.AppendLine(PSSerializer.Serialize(o, depth));
        Walk(sb, o, 5, new HashSet<object>(ReferenceEqualityComparer.Instance));
    }

    /// <summary>What ConvertTo-Json reads: every property PowerShell shows, to the given depth.</summary>
    static void Walk(StringBuilder sb, object? o, int depth, HashSet<object> seen)
    {
        if (o == null) return;
        var pso = o as PSObject ?? PSObject.AsPSObject(o);
        var baseObject = pso.BaseObject;
        if (baseObject is string or ValueType) { sb.AppendLine(baseObject.ToString()); return; }
        if (!seen.Add(baseObject) || depth < 0) return;
        sb.AppendLine(baseObject.ToString());
        if (baseObject is IEnumerable list and not IDictionary)
        {
            foreach (var item in list) Walk(sb, item, depth - 1, seen);
            return;
        }
        foreach (var p in pso.Properties)
        {
            object? v;
            try { v = p.Value; } catch (Exception) { continue; }
            sb.Append(p.Name).Append('=');
            Walk(sb, v, depth - 1, seen);
        }
    }
}
