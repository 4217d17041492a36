package cn.jixiao.testing;

import java.awt.geom.PathIterator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/** TrueType programs read with Apache FontBox, to compare the glyphs of a subset with the full font's. */
public final class TrueTypePrograms {

    private TrueTypePrograms() {
    }

    /**
     * A font program as a PDF embeds it: the tables a PDF does not need (cmap, name, OS/2, ...) may be missing. Its
     * glyphs are read in order: FontBox draws a composite glyph as nothing when it reads it before its components.
     */
    public static TrueTypeFont parse(byte[] program) throws IOException {
        TrueTypeFont font = new TTFParser(true).parse(new RandomAccessReadBuffer(program));
        for (int glyph = 0; glyph < font.getNumberOfGlyphs(); glyph++) {
            font.getGlyph().getGlyph(glyph);
        }
        return font;
    }

    /** A glyph's outline as a flat list of path segment types and coordinates; empty for an empty glyph. */
    public static List<Double> outline(TrueTypeFont font, int glyph) throws IOException {
        List<Double> path = new ArrayList<>();
        GlyphData data = font.getGlyph().getGlyph(glyph);
        if (data == null) {
            return path;
        }
        double[] coordinates = new double[6];
        for (PathIterator segments = data.getPath().getPathIterator(null); !segments.isDone(); segments.next()) {
            path.add((double) segments.currentSegment(coordinates));
            for (double coordinate : coordinates) {
                path.add(coordinate);
            }
        }
        return path;
    }
}
