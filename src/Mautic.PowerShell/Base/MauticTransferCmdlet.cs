using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Mautic.PowerShell.Base
{
    /// <summary>
    /// Base of the cmdlets that move files (uploads and downloads): PowerShell path resolution of local files, and
    /// the client's transfer progress turned into Write-Progress on the pipeline thread for files above 1 MiB.
    /// </summary>
    public abstract class MauticTransferCmdlet : MauticCmdlet
    {
        /// <summary>Transfers of more bytes than this show progress.</summary>
        public const long LargeFile = 1024 * 1024;
        /// <summary>The activity id of every transfer's progress records, so hosts show one bar per transfer cmdlet.</summary>
        public const int ProgressActivityId = 0x4D54;

        /// <summary>
        /// Runs <paramref name="work"/> (a client call taking a progress callback) off the pipeline thread and, while it
        /// runs, writes its progress (bytes done of total) as Write-Progress when the transfer is above
        /// <see cref="LargeFile"/>, then a Completed record. Client log lines are written as they come.
        /// </summary>
        protected T Transferring<T>(string activity, Func<Action<long, long?>, T> work)
        {
            long done = 0, total = -1;
            var task = Task.Run(() => work((d, t) =>
            {
                Interlocked.Exchange(ref total, t ?? -1);
                Interlocked.Exchange(ref done, d);
            }));
            ProgressRecord record = null;   // the latest written; each write is a new record (hosts may keep them)
            var lastPercent = -1;
            void Report()
            {
                var t = Interlocked.Read(ref total);
                var d = Interlocked.Read(ref done);
                if (t <= LargeFile && d <= LargeFile) return;
                var percent = t > 0 ? (int)Math.Min(100, d * 100 / t) : -1;
                if (record != null && percent == lastPercent && t > 0) return;
                record = new ProgressRecord(ProgressActivityId, activity, t > 0 ? $"{Size(d)} of {Size(t)}" : Size(d)) { PercentComplete = percent };
                lastPercent = percent;
                WriteProgress(record);
            }
            while (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(100))
            {
                FlushLog();
                Report();
            }
            Report();
            if (record != null)
                WriteProgress(new ProgressRecord(ProgressActivityId, activity, record.StatusDescription)
                    { PercentComplete = record.PercentComplete, RecordType = ProgressRecordType.Completed });
            FlushLog();
            return task.GetAwaiter().GetResult();
        }

        static string Size(long bytes) =>
            bytes >= LargeFile ? (bytes / (double)LargeFile).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " MiB" : bytes + " bytes";
    }

    /// <summary>
    /// Base of the upload cmdlets: -Path (wildcards; strings from the pipeline) or -LiteralPath (files piped from
    /// Get-ChildItem bind to it through PSPath); every file found is handed to <see cref="Upload"/>, one at a time.
    /// </summary>
    public abstract class MauticUploadCmdlet : MauticTransferCmdlet
    {
        /// <summary>The local files to upload; wildcards allowed.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Path", ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; }

        /// <summary>The local files to upload, exactly as written (no wildcards); files piped from Get-ChildItem bind here.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "LiteralPath", ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; }

        protected override void Process()
        {
            var literal = ParameterSetName == "LiteralPath";
            foreach (var file in InputFiles(literal ? LiteralPath : Path, literal))
            {
                try { Upload(file); }
                catch (MauticApiException e) { WriteItemError(e, file); }
            }
        }

        /// <summary>Uploads one existing local file (a full path) and writes what it made.</summary>
        protected abstract void Upload(string file);
    }
}
