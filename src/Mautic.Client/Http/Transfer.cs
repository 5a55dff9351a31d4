using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;

namespace Mautic.Client.Http
{
    /// <summary>
    /// The client's file transfers: a multipart upload streamed from disk and a download streamed to disk, both in
    /// chunks and both reporting progress. Nothing here holds a whole file in memory.
    /// </summary>
    internal static class Transfer
    {
        internal const int ChunkSize = 81920;

        /// <summary>
        /// multipart/form-data with one file part read from disk while it is sent (or, for an upload made by
        /// <see cref="MauticUpload.Body"/>, the file alone as the body). Its length is known up front, so
        /// the request carries a Content-Length (PHP's built-in server and many proxies refuse chunked request bodies).
        /// </summary>
        internal static HttpContent UploadContent(MauticUpload upload, Action<long, long?> progress)
        {
            FileStream file;
            try
            {
                file = new FileStream(upload.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkSize, useAsync: true);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                throw new MauticApiException($"Could not read the file to upload, {upload.FilePath}: {e.Message}", MauticErrorKind.InvalidArgument, e);
            }
            var part = new ProgressContent(file, progress);
            if (upload.ContentType != null)
            {
                part.Headers.ContentType = new MediaTypeHeaderValue(upload.ContentType);
                return part;
            }
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            var multipart = new MultipartFormDataContent();
            // Quoted by hand: MultipartFormDataContent.Add leaves names with spaces unquoted on .NET Framework.
            part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
            {
                Name = Quote(upload.FieldName),
                FileName = Quote(upload.FileName),
            };
            multipart.Add(part);
            return multipart;
        }

        static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

        internal static bool IsJson(string mediaType) =>
            mediaType != null && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

        internal static string FileNameOf(HttpContent content)
        {
            var cd = content?.Headers.ContentDisposition;
            var name = cd?.FileNameStar ?? cd?.FileName;
            return string.IsNullOrEmpty(name) ? null : name.Trim('"');
        }

        /// <summary>
        /// Copies the answer in chunks to a temporary file beside <paramref name="target"/> and moves it into place
        /// when complete (replacing a file there); on any failure the temporary file is deleted and the target is left
        /// as it was. A failure to write locally is an InvalidArgument error (not retried: the server is not at fault);
        /// a failure reading the answer propagates as it is, so a GET is retried by the client's usual rules.
        /// </summary>
        internal static async Task<long> DownloadAsync(HttpContent content, string target, Action<long, long?> progress, CancellationToken ct)
        {
            var total = content.Headers.ContentLength;
            var dir = Path.GetDirectoryName(Path.GetFullPath(target));
            var temp = Path.Combine(dir, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial");
            var done = 0L;
            try
            {
                FileStream output;
                try { output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, ChunkSize, useAsync: true); }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException) { throw LocalWrite(target, e); }
                using (output)
                using (var input = await content.ReadAsStreamAsync().ConfigureAwait(false))
                {
                    var buffer = new byte[ChunkSize];
                    progress?.Invoke(0, total);
                    int n;
                    while ((n = await input.ReadAsync(buffer, 0, buffer.Length, ct).ConfigureAwait(false)) > 0)
                    {
                        try { await output.WriteAsync(buffer, 0, n, ct).ConfigureAwait(false); }
                        catch (IOException e) { throw LocalWrite(target, e); }
                        done += n;
                        progress?.Invoke(done, total);
                    }
                }
                if (total.HasValue && done != total.Value)
                    throw new IOException($"The answer ended after {done} of {total} bytes.");
                try
                {
                    if (File.Exists(target)) File.Replace(temp, target, null);
                    else File.Move(temp, target);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException) { throw LocalWrite(target, e); }
                return done;
            }
            finally
            {
                try { if (File.Exists(temp)) File.Delete(temp); }
                catch (IOException) { /* best effort: the name is unique and hidden */ }
                catch (UnauthorizedAccessException) { }
            }
        }

        static MauticApiException LocalWrite(string target, Exception e) =>
            new MauticApiException($"Could not write {target}: {e.Message}", MauticErrorKind.InvalidArgument, e);

        /// <summary>A file's bytes as request content, read and sent in chunks, reporting each one.</summary>
        sealed class ProgressContent : HttpContent
        {
            readonly FileStream _file;
            readonly Action<long, long?> _progress;

            public ProgressContent(FileStream file, Action<long, long?> progress)
            {
                _file = file;
                _progress = progress;
            }

            protected override async Task SerializeToStreamAsync(Stream stream, TransportContext context)
            {
                var total = _file.Length;
                _file.Position = 0;
                var buffer = new byte[ChunkSize];
                long done = 0;
                _progress?.Invoke(0, total);
                int n;
                while ((n = await _file.ReadAsync(buffer, 0, buffer.Length).ConfigureAwait(false)) > 0)
                {
                    await stream.WriteAsync(buffer, 0, n).ConfigureAwait(false);
                    done += n;
                    _progress?.Invoke(done, total);
                }
            }

            protected override bool TryComputeLength(out long length)
            {
                length = _file.Length;
                return true;
            }

            protected override void Dispose(bool disposing)
            {
                if (disposing) _file.Dispose();
                base.Dispose(disposing);
            }
        }
    }
}
