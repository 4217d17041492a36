package cn.jixiao.render.docx;

import cn.jixiao.io.ReproducibleZip;
import cn.jixiao.io.ReproducibleZip.Entry;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * The embedded fonts' subsets, as compressed archive entries, by font and characters: the title's, and a form's
 * rendered again, are cut and compressed once. Thread-safe.
 */
final class FontSubsets {

    private static final int SIZE = 16;

    private record Key(int number, BitSet codePoints) {
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>(SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > SIZE;
        }
    };

    /**
     * The entry of embedded font {@code number}, cut to the characters its faces draw.
     *
     * @param codePoints per face, the characters the form draws in it
     */
    Entry entry(int number, EmbeddedFont font, BitSet[] codePoints, Deflater deflater) throws DocxException {
        BitSet characters = new BitSet();
        font.faces().stream().forEach(face -> characters.or(codePoints[face]));
        Key key = new Key(number, characters);
        synchronized (entries) {
            Entry cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        byte[] subset = font.subset(characters);
        Entry entry = ReproducibleZip.deflate(font.entryName(), subset, subset.length, deflater);
        synchronized (entries) {
            entries.put(key, entry);
        }
        return entry;
    }
}
