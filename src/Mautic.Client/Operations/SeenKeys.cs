namespace Mautic.Client.Operations
{
    /// <summary>
    /// Row numbers by 64-bit key digest, for a sync that must refuse a second row for one key however many rows it
    /// streams: open addressing with linear probing in two arrays, 12 bytes a slot, a power-of-two table at most 80% full
    /// (100,000 keys: 131,072 slots, 1.5 MB; a Dictionary of 128-bit digests took 6.3 MB). Two different keys share a
    /// digest with a chance of about n²/2⁶⁵ (3 in 10⁸ at a million rows); then the second row is refused as a repeat.
    /// </summary>
    internal sealed class SeenKeys
    {
        ulong[] _keys = new ulong[1024];
        int[] _rows = new int[1024];
        int _count;

        public int Count => _count;

        /// <summary>Adds the digest with its row number; false, with the first row that had it, when it is there already.</summary>
        public bool TryAdd(ulong digest, int row, out int earlier)
        {
            if (digest == 0) digest = 1;   // 0 marks an empty slot
            if ((_count + 1) * 5L > _keys.Length * 4L) Grow();
            var mask = _keys.Length - 1;
            for (var i = (int)(Mix(digest) & (ulong)mask); ; i = (i + 1) & mask)
            {
                if (_keys[i] == digest) { earlier = _rows[i]; return false; }
                if (_keys[i] != 0) continue;
                _keys[i] = digest;
                _rows[i] = row;
                _count++;
                earlier = 0;
                return true;
            }
        }

        void Grow()
        {
            var keys = _keys;
            var rows = _rows;
            _keys = new ulong[keys.Length * 2];
            _rows = new int[keys.Length * 2];
            var mask = _keys.Length - 1;
            for (var j = 0; j < keys.Length; j++)
            {
                if (keys[j] == 0) continue;
                var i = (int)(Mix(keys[j]) & (ulong)mask);
                while (_keys[i] != 0) i = (i + 1) & mask;
                _keys[i] = keys[j];
                _rows[i] = rows[j];
            }
        }

        /// <summary>The digest's bits spread over the low ones the table indexes by (a SHA-256 prefix is spread already; this keeps any input safe).</summary>
        static ulong Mix(ulong x)
        {
            x ^= x >> 33;
            x *= 0xff51afd7ed558ccdUL;
            x ^= x >> 33;
            return x;
        }
    }
}
