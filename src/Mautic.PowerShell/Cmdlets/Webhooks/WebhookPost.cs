using System.Collections.Specialized;
using System.Net;
using System.Security;
using Mautic.Client.Operations;

namespace Mautic.PowerShell.Cmdlets.Webhooks
{
    /// <summary>
    /// One webhook post as a receiver hands it over: its raw body (bytes and text) and the Webhook-Signature header.
    /// Read from the raw body (a string or bytes), a request object (Body or RawBody, and Headers: Pode, Azure
    /// Functions, a captured HttpListener request), or Azure Automation's $WebhookData (RequestBody and RequestHeader;
    /// PowerShell 7 runbooks get it as JSON text).
    /// </summary>
    internal sealed class WebhookPost
    {
        public byte[] Bytes { get; private set; }
        public string Text { get; private set; }
        /// <summary>The Webhook-Signature header (or -Signature); null when there is none.</summary>
        public string Signature { get; private set; }

        static readonly string[] BodyNames = { "RequestBody", "RawBody", "Body" };
        static readonly string[] HeaderNames = { "RequestHeader", "Headers", "Header" };

        /// <summary>The post in <paramref name="input"/>; <paramref name="signature"/>, when given, is used instead of a header. InvalidArgument when it holds no body.</summary>
        public static WebhookPost From(object input, string signature)
        {
            var value = Unwrap(input);
            var post = new WebhookPost();
            if (value is string text && WebhookIntake.TryReadWebhookData(text, out var requestBody, out var headerSignature))
            {
                // PowerShell 7 runbooks in Azure Automation get $WebhookData as JSON text.
                post.SetBody(requestBody, "RequestBody");
                post.Signature = headerSignature;
            }
            else if (value is string || value is byte[]) post.SetBody(value, "the body");
            else
            {
                var name = BodyNames.FirstOrDefault(n => Member(value, n) != null);
                if (name == null)
                    throw new MauticApiException($"A {TypeName(input)} is not a webhook post: give its raw body (a string), a request with Body (or RawBody) and Headers, or Azure Automation's $WebhookData (RequestBody and RequestHeader).", MauticErrorKind.InvalidArgument);
                post.SetBody(Unwrap(Member(value, name)), name);
                post.Signature = HeaderNames.Select(n => Header(Member(value, n))).FirstOrDefault(s => s != null);
            }
            if (!string.IsNullOrEmpty(signature)) post.Signature = signature;
            return post;
        }

        /// <summary>A body as given: text or bytes. Anything else (a body a web framework has already parsed into a hashtable) cannot be verified or read.</summary>
        void SetBody(object body, string what)
        {
            switch (body)
            {
                case string s:
                    Text = s;
                    Bytes = WebhookIntake.Bytes(s);
                    break;
                case byte[] b:
                    Bytes = b;
                    Text = new System.Text.UTF8Encoding(false).GetString(b);
                    break;
                case null:
                    throw new MauticApiException($"The webhook post's {what} is empty.", MauticErrorKind.InvalidArgument);
                default:
                    throw new MauticApiException($"The webhook post's {what} is a {TypeName(body)}, not the raw text Mautic sent: the signature covers the raw body, and parsed JSON cannot be turned back into it. Give the raw body (RawBody in Azure Functions, the request body read as a string elsewhere).", MauticErrorKind.InvalidArgument);
            }
        }

        /// <summary>True when the signature is the body's HMAC-SHA256 under <paramref name="secret"/> (false when there is none).</summary>
        public bool SignedWith(SecureString secret) => Matches(Bytes, Signature, secret);

        internal static bool Matches(byte[] body, string signature, SecureString secret)
        {
            var key = WebhookIntake.Bytes(new NetworkCredential(string.Empty, secret).Password);
            try { return WebhookIntake.SignatureMatches(body, signature, key); }
            finally { Array.Clear(key, 0, key.Length); }
        }

        /// <summary>The Webhook-Signature value in a set of headers (a dictionary, a NameValueCollection, an object with a property per header), whatever its case.</summary>
        static string Header(object headers)
        {
            headers = Unwrap(headers);
            object value;
            switch (headers)
            {
                case null: return null;
                case NameValueCollection nvc: value = nvc[WebhookIntake.SignatureHeader]; break;
                default: value = Member(headers, WebhookIntake.SignatureHeader); break;
            }
            value = Unwrap(value);
            if (value is IEnumerable many && !(value is string)) value = many.Cast<object>().FirstOrDefault();
            return value == null ? null : Convert.ToString(Unwrap(value), System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>A key of a dictionary or a property of an object, whatever its case; null when absent.</summary>
        static object Member(object o, string name)
        {
            if (o is IDictionary d)
            {
                foreach (DictionaryEntry e in d)
                    if (string.Equals(e.Key as string, name, StringComparison.OrdinalIgnoreCase)) return e.Value;
                return null;
            }
            return o == null ? null : PSObject.AsPSObject(o).Properties[name]?.Value;
        }

        static object Unwrap(object o) => o is PSObject p && !(p.BaseObject is PSCustomObject) ? p.BaseObject : o;

        static string TypeName(object o) => o is PSObject p ? p.TypeNames.FirstOrDefault() ?? "PSObject" : o?.GetType().FullName ?? "null";
    }

    /// <summary>
    /// Takes a webhook's secret as a SecureString, a plain string (as Get-AutomationVariable returns an encrypted
    /// variable) or a PSCredential (its password), so that a runbook passes what it has; the secret is never shown.
    /// </summary>
    public sealed class WebhookSecretAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject p ? p.BaseObject : inputData;
            switch (value)
            {
                case string s:
                    var secure = new SecureString();
                    foreach (var c in s) secure.AppendChar(c);
                    secure.MakeReadOnly();
                    return secure;
                case PSCredential credential: return credential.Password;
                default: return value;
            }
        }
    }
}
