using System.Net.Http;
using Mautic.Client.Json;

namespace Mautic.PowerShell.Cmdlets.Api
{
    /// <summary>Calls any Mautic API route with the connection's auth, retries and error handling.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "MauticRequest", SupportsShouldProcess = true, HelpUri = MauticHelp.Online + "Invoke-MauticRequest.md")]
    [OutputType(typeof(PSObject))]
    public sealed class InvokeMauticRequest : MauticCmdlet
    {
        [Parameter]
        [ValidateSet("GET", "POST", "PUT", "PATCH", "DELETE", IgnoreCase = true)]
        public string Method { get; set; } = "GET";

        /// <summary>Path under /api, e.g. 'contacts/5' or 'stages'; 'v2/projects' (or '/api/v2/projects') is Mautic 7's v2 API.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        /// <summary>Query parameters; an array value is sent as name[]=a&amp;name[]=b.</summary>
        [Parameter]
        public Hashtable Query { get; set; }

        /// <summary>A hashtable or object (sent as JSON), or a JSON string.</summary>
        [Parameter(ValueFromPipeline = true)]
        public object Body { get; set; }

        protected override void Process()
        {
            if (MauticRequest.RouteProblem(Path.Trim()) is string bad)
            {
                WriteInvalidArgument($"'{Path}' is not a Mautic API route: {bad}; nothing was sent.", Path);
                return;
            }
            var path = Path.Trim().TrimStart('/');
            if (path.StartsWith("api/", System.StringComparison.OrdinalIgnoreCase)) path = path.Substring(4);
            // v2/... (or /api/v2/...) is Mautic 7's v2 API: JSON bodies, PATCH as a merge patch, and only on 7.0 or later.
            var v2 = path.Equals("v2", System.StringComparison.OrdinalIgnoreCase) || path.StartsWith("v2/", System.StringComparison.OrdinalIgnoreCase);
            if (v2)
            {
                Conn.Client.Require(MauticVersions.V7, "The v2 API (/api/v2)");
                path = path.Length > 2 ? path.Substring(3) : "";
            }
            var method = new HttpMethod(Method.ToUpperInvariant());
            var request = v2 ? MauticRequest.ForV2(method, path) : new MauticRequest(method, path);
            if (Query != null)
            {
                foreach (DictionaryEntry e in Query)
                {
                    var name = System.Convert.ToString(e.Key);
                    var value = PSConvert.ToPlain(e.Value);
                    if (value is object[] many) foreach (var v in many) request.With(name + "[]", v);
                    else request.With(name, value is bool b ? (b ? 1 : 0) : value);
                }
            }
            if (Body != null)
            {
                var plain = PSConvert.ToPlain(Body);
                if (plain is string text)
                {
                    if (request.WithBodyJson(text) is string problem)
                    {
                        WriteInvalidArgument($"-Body is a string but not JSON ({problem}); pass a hashtable or a JSON string.", Body);
                        return;
                    }
                }
                else request.WithBodyValue(plain);
            }
            if (request.Method != HttpMethod.Get && !ShouldProcess(Conn.BaseUrl + (v2 ? "/api/v2/" : "/api/") + path, request.Method.Method)) return;
            // A failed call is one non-terminating error (a piped body is one input of many), with the input as target.
            object value2;
            try { value2 = Conn.Client.Send(request, CancellationToken).Value; }
            catch (MauticApiException e)
            {
                WriteItemError(e, Body ?? Path);
                return;
            }
            if (value2 == null) return;
            if (value2 is MauticRecord r) WriteRecord(r);
            else if (value2 is object[] items)
                foreach (var item in items) { if (item is MauticRecord ir) WriteRecord(ir); else WriteObject(item); }
            else WriteObject(value2);
        }
    }
}
