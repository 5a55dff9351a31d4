using System.Net;
using System.Net.Http;
using System.Security.Authentication;

namespace Mautic.Client.Http
{
    /// <summary>
    /// TLS decisions of the transport, kept pure so the .NET Framework (Windows PowerShell 5.1) paths are unit-tested
    /// on any runtime: which protocols to allow, whether a failure is a certificate problem, and the
    /// per-handler certificate bypass of -SkipCertificateCheck.
    /// </summary>
    internal static class TransportSecurity
    {
        /// <summary>SecurityProtocolType.Tls12 (3072); netstandard2.0 names it, but not SystemDefault (0) or Tls13 (12288).</summary>
        internal const SecurityProtocolType Tls12 = (SecurityProtocolType)3072;

        /// <summary>
        /// The protocol set .NET Framework should use given the one in force, or null to leave it alone.
        /// SystemDefault (0) lets the operating system choose (TLS 1.2 and 1.3 where it has them): narrowing it to an
        /// explicit set would lose TLS 1.3 and every later protocol, so it stays. A set that already holds TLS 1.2 stays.
        /// Only an explicit set lacking TLS 1.2 (an old default such as Ssl3|Tls) gets TLS 1.2 added; nothing is removed.
        /// </summary>
        internal static SecurityProtocolType? ProtocolsToSet(SecurityProtocolType current)
        {
            if (current == 0) return null;
            if ((current & Tls12) == Tls12) return null;
            return current | Tls12;
        }

        /// <summary>Applies <see cref="ProtocolsToSet"/> to the process on .NET Framework (elsewhere the runtime follows the system).</summary>
        internal static void EnsureTls12OnNetFramework()
        {
            if (!System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal)) return;
            try
            {
                var wanted = ProtocolsToSet(ServicePointManager.SecurityProtocol);
                if (wanted.HasValue) ServicePointManager.SecurityProtocol = wanted.Value;
            }
            catch (NotSupportedException) { /* the host forbids changing it */ }
        }

        /// <summary>
        /// Makes <paramref name="handler"/> accept any server certificate. Per handler, so only this connection is
        /// affected: never ServicePointManager.ServerCertificateValidationCallback, which would switch checking off
        /// for the whole process (every other module and runbook job in it).
        /// </summary>
        internal static void SkipCertificateCheck(HttpClientHandler handler) =>
            handler.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true;

        /// <summary>True when <paramref name="e"/> (or an inner exception) says the TLS handshake failed, the certificate included.</summary>
        internal static bool IsCertificateFailure(Exception e)
        {
            for (var x = e; x != null; x = x.InnerException)
            {
                if (x is AuthenticationException) return true;   // .NET (Core): "The remote certificate is invalid ..."
                if (x is WebException we && (we.Status == WebExceptionStatus.TrustFailure || we.Status == WebExceptionStatus.SecureChannelFailure))
                    return true;                                  // .NET Framework
            }
            return false;
        }

        /// <summary>The error text for a failed TLS handshake: the problem as the runtime says it, and the fix.</summary>
        internal static string CertificateFailureText(string method, string shownUrl, Exception e)
        {
            var detail = e;
            for (var x = e; x != null; x = x.InnerException)
                if (x is AuthenticationException || x is WebException) detail = x;
            return $"The TLS certificate of {Host(shownUrl)} was not accepted for {method} {shownUrl}: {detail.Message} " +
                   "The request never arrived, so nothing was changed. Use a certificate this computer trusts (or trust its issuer); " +
                   "for a test instance with a self-signed certificate, connect with Connect-Mautic -SkipCertificateCheck.";
        }

        static string Host(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Authority : "the server";
    }
}
