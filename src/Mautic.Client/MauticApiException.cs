namespace Mautic.Client
{
    /// <summary>What kind of failure an error is; the PowerShell layer maps each to one ErrorCategory.</summary>
    public enum MauticErrorKind
    {
        NotFound,
        PermissionDenied,
        Authentication,
        InvalidData,
        LimitsExceeded,
        Connection,
        Timeout,
        Server,
        Protocol,
        InvalidArgument,
        /// <summary>The server cannot do this until something is set up there (no SMS transport enabled).</summary>
        NotEnabled,
        /// <summary>The server's Mautic version lacks what was asked for (projects, campaign export: 7.0 or later).</summary>
        NotSupported,
        /// <summary>A signed message (a webhook post) whose signature is missing or does not match: it is not read.</summary>
        Signature,
    }

    /// <summary>
    /// The one exception type of the client: every failed call (HTTP status, Mautic error body, a 200 that carries
    /// an error, HTML instead of JSON, network failure, timeout) becomes one of these. It never holds a secret:
    /// the URL is redacted before it gets here.
    /// </summary>
    public class MauticApiException : Exception
    {
        public MauticApiException(string message, MauticErrorKind kind, Exception inner = null) : base(message, inner)
        {
            Kind = kind;
        }

        public MauticErrorKind Kind { get; }
        /// <summary>HTTP status, or 0 when no response arrived.</summary>
        public int StatusCode { get; internal set; }
        /// <summary>The code inside Mautic's error body (often the HTTP status again).</summary>
        public int? MauticCode { get; internal set; }
        /// <summary>Mautic's error <c>type</c> (e.g. api_disabled, access_denied, invalid_grant).</summary>
        public string ErrorType { get; internal set; }
        /// <summary>Mautic's own message, without our prefix.</summary>
        public string MauticMessage { get; internal set; }
        /// <summary>Per-field validation details as Mautic sent them.</summary>
        public JToken Details { get; internal set; }
        public string Method { get; internal set; }
        /// <summary>The request URL with credentials removed.</summary>
        public string Url { get; internal set; }
        /// <summary>
        /// True when a request that changes something was sent but no answer came (it timed out, or the connection broke
        /// while Mautic had it): Mautic may have done it, so the caller should check before sending it again.
        /// </summary>
        public bool MayHaveBeenProcessed { get; internal set; }
        /// <summary>
        /// The value given that the error is about (a -MatchOn name that is no field), when a check found it before any
        /// input was at hand: a cmdlet whose step fails with this error carries it as the ErrorRecord's TargetObject.
        /// </summary>
        public object Offending { get; set; }
        /// <summary>
        /// True when a try of this request before the one that got this answer was sent and cut off (a reset, a time-out,
        /// a gateway's 502/504): it may have reached Mautic, so a 404 can be that earlier try's work (a delete).
        /// </summary>
        public bool EarlierTryMayHaveArrived { get; internal set; }
        /// <summary>Retry-After the server asked for, when it did.</summary>
        public TimeSpan? RetryAfter { get; internal set; }

        /// <summary>This error said another way (what to do about it added), everything else kept; this one becomes the inner exception.</summary>
        public MauticApiException Reworded(string message) => new MauticApiException(message, Kind, this)
        {
            StatusCode = StatusCode, MauticCode = MauticCode, ErrorType = ErrorType, MauticMessage = MauticMessage, Details = Details,
            Method = Method, Url = Url, RetryAfter = RetryAfter, MayHaveBeenProcessed = MayHaveBeenProcessed, Offending = Offending,
            EarlierTryMayHaveArrived = EarlierTryMayHaveArrived,
        };

        public static MauticErrorKind KindForStatus(int status, string type)
        {
            if (status == 401) return MauticErrorKind.Authentication;
            if (type == "api_disabled" || type == "access_denied") return MauticErrorKind.PermissionDenied;
            if (type == "invalid_grant" || type == "invalid_client") return MauticErrorKind.Authentication;
            switch (status)
            {
                case 401: return MauticErrorKind.Authentication;
                case 403: return MauticErrorKind.PermissionDenied;
                case 404: return MauticErrorKind.NotFound;
                case 400:
                case 406:
                case 409:
                case 422: return MauticErrorKind.InvalidData;
                case 417: return MauticErrorKind.InvalidData;
                case 429: return MauticErrorKind.LimitsExceeded;
                case 408: return MauticErrorKind.Timeout;
            }
            if (status >= 500) return MauticErrorKind.Server;
            return MauticErrorKind.Protocol;
        }
    }
}
