namespace Mautic.Client
{
    /// <summary>
    /// The Mautic releases whose behaviour the client keys on, and the one check they share. The version is what the
    /// server reports in its Mautic-Version header (5.1.0, 7.0.0); 6.0.x serves exactly 5.1's v1 routes.
    /// </summary>
    public static class MauticVersions
    {
        /// <summary>7.0: the v2 API (/api/v2: projects, ...), campaign export and import, batch delete refusing unknown ids.</summary>
        public static readonly Version V7 = new Version(7, 0);

        /// <summary>"5.1.0", "7.0.0-beta", "7.0" as a version; null for null, blank or no number.</summary>
        public static Version Parse(string text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var digits = new string(text.Trim().TakeWhile(c => char.IsDigit(c) || c == '.').ToArray()).Trim('.');
            if (digits.Length == 0) return null;
            if (!digits.Contains('.')) digits += ".0";
            return Version.TryParse(digits, out var v) ? v : null;
        }

        /// <summary>At least <paramref name="needed"/> (major.minor compared; an unknown version counts as new enough).</summary>
        public static bool AtLeast(Version server, Version needed) =>
            server == null || new Version(server.Major, server.Minor) >= new Version(needed.Major, needed.Minor);

        /// <summary>The refusal for a server older than <paramref name="needed"/>, or null when it may be asked.</summary>
        public static string Problem(Version server, Version needed, string what) =>
            AtLeast(server, needed) ? null
            : $"{what} needs Mautic {needed.Major}.{needed.Minor} or later; this server is {server}.";
    }
}
