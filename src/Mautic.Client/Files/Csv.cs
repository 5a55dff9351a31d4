namespace Mautic.Client.Files
{
    /// <summary>
    /// Reads CSV (RFC 4180) one record at a time, so a file of any size costs one record and a buffer of memory: fields
    /// separated by a delimiter, a field in double quotes may hold the delimiter, line breaks and doubled quotes ("").
    /// Like Import-Csv: the first line is the header unless one is given, a first line "#TYPE ..." (Export-Csv's type
    /// line) is skipped, empty lines are skipped, a record shorter than the header leaves the rest empty and a longer
    /// one's extra fields are dropped (<see cref="ExtraFields"/> counts them). The encoding is taken from a byte order
    /// mark when the file has one, else the one given (UTF-8 by default). A header with an empty or repeated name is an
    /// error naming it, as is a quoted field the file never closes.
    /// </summary>
    public sealed class CsvReader : IDisposable
    {
        readonly TextReader _reader;
        readonly Stream _stream;
        readonly char _delimiter;
        readonly char[] _buffer = new char[64 * 1024];
        int _length, _position;
        readonly StringBuilder _field = new StringBuilder();
        long _line = 1;
        /// <summary>The line the record being read starts on (the one after the last complete record, between records).</summary>
        long _recordStart = 1;

        /// <summary>Reads <paramref name="stream"/> (which it closes); <paramref name="header"/> null takes the first line.</summary>
        public CsvReader(Stream stream, Encoding encoding = null, char delimiter = ',', IReadOnlyList<string> header = null, string source = null)
        {
            if (delimiter == '"' || delimiter == '\r' || delimiter == '\n')
                throw new MauticApiException($"The delimiter cannot be {(delimiter == '"' ? "a double quote" : "a line break")}.", MauticErrorKind.InvalidArgument);
            _stream = stream ?? throw new ArgumentNullException(nameof(stream));
            // UTF-8 is read strictly: bytes that are no UTF-8 (a Latin-1 or ANSI file read without -Encoding) stop the read
            // with an error naming them, where a lenient decoder would send U+FFFD in their place (measured: the
            // contact's name saved with the replacement character, and no word said).
            if (encoding == null || encoding is UTF8Encoding) encoding = new UTF8Encoding(false, throwOnInvalidBytes: true);
            _reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024);
            _delimiter = delimiter;
            Source = source ?? "the CSV";
            var names = header?.ToArray();
            if (names == null)
            {
                var first = Next();
                if (first != null && first.Length > 0 && first[0].StartsWith("#TYPE", StringComparison.Ordinal)) first = Next();
                if (first == null) throw new MauticApiException($"{Source} is empty: it has no header line.", MauticErrorKind.InvalidData);
                names = first;
            }
            CheckHeader(names, header != null ? "-Header" : $"The header of {Source}");
            Header = names;
        }

        /// <summary>The column names, in file order.</summary>
        public IReadOnlyList<string> Header { get; }
        /// <summary>What the file is called in messages.</summary>
        public string Source { get; }
        /// <summary>The line the last record read started on (1-based, counting the header line).</summary>
        public long RecordLine { get; private set; }
        /// <summary>Records so far that had more fields than the header (their extra fields were dropped).</summary>
        public long ExtraFields { get; private set; }
        /// <summary>Bytes of the file read so far (read ahead by up to one buffer), for progress against its length.</summary>
        public long BytesRead => _stream.CanSeek ? _stream.Position : 0;
        /// <summary>The file's length in bytes, when the stream knows it.</summary>
        public long? Length => _stream.CanSeek ? _stream.Length : (long?)null;

        static void CheckHeader(IReadOnlyList<string> names, string what)
        {
            if (names.Count == 0) throw new MauticApiException($"{what} names no column.", MauticErrorKind.InvalidData);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < names.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(names[i]))
                    throw new MauticApiException($"{what} has an empty column name (column {i + 1}); every column needs a name.", MauticErrorKind.InvalidData);
                if (!seen.Add(names[i]))
                    throw new MauticApiException($"{what} names the column '{names[i]}' twice; column names must differ (without regard to case).", MauticErrorKind.InvalidData);
            }
        }

        /// <summary>The next record's values, one per header column (null where the record ended early); null at the end.</summary>
        public string[] Read()
        {
            var fields = Next();
            if (fields == null) return null;
            if (fields.Length == Header.Count) return fields;
            if (fields.Length > Header.Count) ExtraFields++;
            var values = new string[Header.Count];
            Array.Copy(fields, values, Math.Min(fields.Length, values.Length));
            return values;
        }

        int Peek()
        {
            if (_position < _length) return _buffer[_position];
            try { _length = _reader.Read(_buffer, 0, _buffer.Length); }
            catch (DecoderFallbackException e)
            {
                var bytes = e.BytesUnknown == null ? "" : " (" + string.Join(" ", e.BytesUnknown.Select(b => "0x" + b.ToString("X2", CultureInfo.InvariantCulture))) + ")";
                throw new MauticApiException(
                    $"{Source} is not UTF-8: after line {_recordStart} it holds bytes that are no UTF-8 character{bytes}. Give the file's encoding with -Encoding " +
                    $"(latin1, ansi, or a code page such as 1252); the rows before line {_recordStart} were read, none from it on.", MauticErrorKind.InvalidData, e);
            }
            _position = 0;
            return _length == 0 ? -1 : _buffer[0];
        }

        /// <summary>One record's fields as written, skipping empty lines; null at the end of the file.</summary>
        string[] Next()
        {
            _recordStart = _line;
            while (true)
            {
                var c = Peek();
                if (c == -1) return null;
                if (c == '\r' || c == '\n') { EndOfLine(); continue; }
                break;
            }
            RecordLine = _line;
            _recordStart = _line;
            var fields = new List<string>();
            while (true)
            {
                _field.Clear();
                var c = Peek();
                if (c == '"')
                {
                    var opened = _line;
                    _position++;
                    while (true)
                    {
                        c = Peek();
                        if (c == -1) throw new MauticApiException($"{Source}: the quoted field that starts on line {opened} is never closed.", MauticErrorKind.InvalidData);
                        _position++;
                        if (c == '"')
                        {
                            if (Peek() == '"') { _field.Append('"'); _position++; continue; }
                            break;
                        }
                        if (c == '\n') _line++;
                        else if (c == '\r' && Peek() != '\n') _line++;
                        _field.Append((char)c);
                    }
                    // Text after the closing quote belongs to the field, as Import-Csv reads it ("a"b -> ab).
                    while ((c = Peek()) != -1 && c != _delimiter && c != '\r' && c != '\n') { _field.Append((char)c); _position++; }
                }
                else
                {
                    while ((c = Peek()) != -1 && c != _delimiter && c != '\r' && c != '\n') { _field.Append((char)c); _position++; }
                }
                fields.Add(_field.ToString());
                c = Peek();
                if (c == _delimiter) { _position++; continue; }
                if (c != -1) EndOfLine();
                return fields.ToArray();
            }
        }

        void EndOfLine()
        {
            if (Peek() == '\r') { _position++; if (Peek() == '\n') _position++; }
            else _position++;
            _line++;
        }

        public void Dispose() => _reader.Dispose();
    }

    /// <summary>
    /// Writes CSV as Export-Csv does by default: every field in double quotes (quotes inside doubled), the delimiter
    /// given, CRLF between records. Writes go straight to the stream's buffer; <see cref="Flush"/> pushes them to disk.
    /// </summary>
    public sealed class CsvWriter : IDisposable
    {
        readonly TextWriter _writer;
        readonly string _delimiter;

        public CsvWriter(TextWriter writer, char delimiter = ',')
        {
            _writer = writer ?? throw new ArgumentNullException(nameof(writer));
            _delimiter = delimiter.ToString();
        }

        public void Write(IEnumerable<string> fields)
        {
            var first = true;
            foreach (var f in fields)
            {
                if (!first) _writer.Write(_delimiter);
                first = false;
                _writer.Write('"');
                _writer.Write(f == null ? "" : f.Replace("\"", "\"\""));
                _writer.Write('"');
            }
            _writer.Write("\r\n");
        }

        public void Flush() => _writer.Flush();

        public void Dispose() => _writer.Dispose();
    }

    /// <summary>The encodings Import-Csv and Export-Csv name, for -Encoding.</summary>
    public static class TextEncodings
    {
        /// <summary>The names -Encoding completes to.</summary>
        public static readonly string[] Names = { "utf8", "utf8BOM", "utf8NoBOM", "unicode", "bigendianunicode", "utf32", "bigendianutf32", "ascii", "ansi", "oem", "latin1" };

        /// <summary>
        /// The encoding <paramref name="name"/> names: PowerShell 7's names (utf8 and utf8NoBOM write no byte order mark,
        /// utf8BOM one; unicode is UTF-16 LE), ansi for Windows-1252 and latin1 for ISO-8859-1, or any code page
        /// number or name .NET knows. Null or empty: UTF-8 without a mark.
        /// </summary>
        public static Encoding Parse(string name)
        {
            switch ((name ?? "").Trim().ToLowerInvariant())
            {
                case "": case "utf8": case "utf-8": case "utf8nobom": return new UTF8Encoding(false);
                case "utf8bom": return new UTF8Encoding(true);
                case "unicode": case "utf-16": return new UnicodeEncoding(false, true);
                case "bigendianunicode": return new UnicodeEncoding(true, true);
                case "utf32": return new UTF32Encoding(false, true);
                case "bigendianutf32": return new UTF32Encoding(true, true);
                case "ascii": return Encoding.ASCII;
                case "latin1": return Encoding.GetEncoding(28591);
                case "ansi": case "default": return CodePage(1252, name);
                case "oem": return CodePage(437, name);
            }
            try
            {
                return int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? Encoding.GetEncoding(page) : Encoding.GetEncoding(name.Trim());
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException)
            {
                throw new MauticApiException($"'{name}' is not an encoding; use one of {string.Join(", ", Names)}, or a code page number.", MauticErrorKind.InvalidArgument);
            }
        }

        static Encoding CodePage(int page, string name)
        {
            try { return Encoding.GetEncoding(page); }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException)
            {
                throw new MauticApiException($"Encoding '{name}' (code page {page}) is not available in this PowerShell.", MauticErrorKind.InvalidArgument);
            }
        }
    }
}
