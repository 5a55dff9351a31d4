using System.Management.Automation;
using Mautic.FakeServer;

namespace MauticPS.InProcess;

/// <summary>
/// Every kind of failure reaches the user as the ErrorCategory the design names, with a stable
/// FullyQualifiedErrorId and the input as TargetObject; every cmdlet refuses to run unconnected.
/// </summary>
public sealed class ErrorMappingTests : PsTest
{
    public static TheoryData<string, int, string?, string, ErrorCategory> Faults => new()
    {
        { "Status", 401, null, "MauticAuthentication", ErrorCategory.AuthenticationError },
        { "Status", 403, null, "MauticPermissionDenied", ErrorCategory.PermissionDenied },
        { "Status", 404, null, "MauticNotFound", ErrorCategory.ObjectNotFound },
        { "Status", 422, null, "MauticInvalidData", ErrorCategory.InvalidData },
        { "Status", 429, "999", "MauticLimitsExceeded", ErrorCategory.LimitsExceeded },
        { "Status", 500, null, "MauticServer", ErrorCategory.ConnectionError },
        { "Html", 502, null, "MauticServer", ErrorCategory.ConnectionError },
        { "Delay", 200, null, "MauticTimeout", ErrorCategory.OperationTimeout },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void A_failure_becomes_the_right_category_with_a_stable_id_and_the_input_as_target(string kind, int status, string? retryAfter, string id, ErrorCategory category)
    {
        Ps.Seed(1);
        Ps.Connect();                                            // warm the server up first: a cold first answer can be slow
        Ps.Connect(extra: "-MaxRetries 0 -TimeoutSec 2");
        State.Arm(new Fault { PathPrefix = "/api/contacts/1", Kind = Enum.Parse<FaultKind>(kind), Status = status, RetryAfter = retryAfter, DelayMs = kind == "Delay" ? 8000 : 0 });
        var r = Run("Get-MauticContact -Id 1; 'went on'");
        Assert.Null(r.Terminating);
        Assert.Equal("went on", r.Output.Last().BaseObject);
        var e = r.SingleError(category, 1L);
        Assert.Equal(id + ",Mautic.PowerShell.Cmdlets.Contacts.GetMauticContact", e.FullyQualifiedErrorId);
        Assert.IsAssignableFrom<Exception>(e.Exception);
        Assert.False(string.IsNullOrWhiteSpace(e.Exception.Message));
    }

    public static IEnumerable<object[]> NeedConnection =>
        // The webhook intake cmdlets read a post a receiver got: they talk to no server.
        CmdletCases.Every.Where(c => c.Cmdlet is not ("Connect-Mautic" or "Disconnect-Mautic" or "Get-MauticConnection" or "ConvertFrom-MauticWebhook" or "Test-MauticWebhookSignature"))
            .Select(c => new object[] { c.Cmdlet });

    [Theory]
    [MemberData(nameof(NeedConnection))]
    public void Unconnected_every_cmdlet_stops_naming_Connect_Mautic_and_sends_nothing(string cmdlet)
    {
        var r = Run(CmdletCases.Get(cmdlet).Success);
        Assert.NotNull(r.Terminating);
        Assert.StartsWith("MauticNotConnected,", r.Terminating!.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, r.Terminating.CategoryInfo.Category);
        Assert.Contains("Connect-Mautic", r.Terminating.Exception.Message);
        Assert.Empty(r.Requests);
    }

    [Fact]
    public void A_batch_cut_off_before_Mautic_saved_it_says_each_row_was_not_saved()
    {
        Ps.Connect();
        State.Arm(new Fault { PathPrefix = "/api/contacts/batch/new", Kind = FaultKind.Drop });
        var r = Run("'c1@example.com', 'c2@example.com', 'c3@example.com' | New-MauticContact");
        Assert.Equal(3, r.Errors.Count);
        Assert.Equal(new object[] { "c1@example.com", "c2@example.com", "c3@example.com" }, r.Errors.Select(e => PsResult.Unwrap(e.TargetObject)));
        Assert.All(r.Errors, e =>
        {
            Assert.Equal(ErrorCategory.ConnectionError, e.CategoryInfo.Category);
            Assert.EndsWith("Sending it again is safe.", e.Exception.Message);
        });
        Assert.Single(r.Requests, q => q.Path == "/api/contacts/batch/new");   // never re-sent by the module itself
    }
}
