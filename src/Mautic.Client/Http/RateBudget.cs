using System.Globalization;
using System.Linq;
using System.Net.Http;

namespace Mautic.Client.Http
{
    /// <summary>
    /// Mautic's API rate limit as one answer states it. Mautic 5.1's limiter (api_rate_limiter_limit, calls per hour; 0 is
    /// off; removed in 7.0) sends X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset (epoch seconds, the end
    /// of the window) on every response and, over the limit, 429 without Retry-After (measured on 5.1.0). The reset is
    /// kept on this machine's clock: the server's reset minus the server's Date, from when the answer came.
    /// </summary>
    public sealed class RateBudget
    {
        public int Limit { get; private set; }
        public int Remaining { get; private set; }
        /// <summary>When the window ends, in UTC on the server's clock (as sent).</summary>
        public DateTimeOffset Reset { get; private set; }
        DateTimeOffset _resetHere;

        /// <summary>How long until the window ends, on this machine's clock.</summary>
        public TimeSpan Left => _resetHere - DateTimeOffset.UtcNow;

        public string ResetText => Reset.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

        /// <summary>The budget the headers of <paramref name="response"/> state, or null when it has none.</summary>
        public static RateBudget From(HttpResponseMessage response, DateTimeOffset? serverDate)
        {
            string H(string name) => response.Headers.TryGetValues(name, out var v) ? v.FirstOrDefault() : null;
            return Parse(H("X-RateLimit-Limit"), H("X-RateLimit-Remaining"), H("X-RateLimit-Reset"), serverDate, DateTimeOffset.UtcNow);
        }

        /// <summary>The budget three header values state (null unless all three are numbers), its reset moved onto this machine's clock by the server's Date.</summary>
        public static RateBudget Parse(string limit, string remaining, string reset, DateTimeOffset? serverDate, DateTimeOffset now)
        {
            if (!int.TryParse(limit, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ||
                !int.TryParse(remaining, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ||
                !long.TryParse(reset, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch)) return null;
            var at = DateTimeOffset.FromUnixTimeSeconds(epoch);
            return new RateBudget { Limit = l, Remaining = r, Reset = at, _resetHere = now + (at - (serverDate ?? now)) };
        }

        /// <summary>What to say when the budget is used up: when it comes back, and that the client does not wait that long.</summary>
        public string UsedUp(TimeSpan maxWait, int attempts)
        {
            var left = Left;
            var minutes = left.TotalMinutes >= 1 ? $"{left.TotalMinutes:0} min" : $"{Math.Max(0, left.TotalSeconds):0} s";
            return $"Mautic's API rate limit of {Limit} calls per hour is used up until {ResetText} ({minutes} from now)" +
                   (left > maxWait ? $", longer than the client waits ({maxWait.TotalSeconds:0} s); run it again after that, or ask the administrator to raise api_rate_limiter_limit." 
                                   : $"; still limited after {attempts} tries.");
        }

        public override string ToString() => $"rate limit: {Remaining} of {Limit} calls left until {ResetText}";
    }
}
