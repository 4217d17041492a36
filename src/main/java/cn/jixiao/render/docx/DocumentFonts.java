package cn.jixiao.render.docx;

import cn.jixiao.fonts.FontException;
import cn.jixiao.fonts.FontLibrary;
import cn.jixiao.fonts.FontLibrary.Face;
import cn.jixiao.fonts.FontSettings;
import cn.jixiao.fonts.TrueTypeSubsetter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;

/**
 * Which face draws what in the document. A face is known by its number: the configured ones first, body regular,
 * body bold, title regular, title bold ({@link #face(Styles, CTP, CTR)}); then the fallback faces, which draw the
 * characters the configured ones lack ({@link #fallbackFace}). The paragraph in the {@value Styles#TITLE_STYLE} style
 * uses the title family, bold runs the family's bold face where it has one.
 *
 * <p>Each font file is mapped once, by one {@link TrueTypeSubsetter}, however many faces and forms use it; the
 * subsetter both answers which characters a face has and cuts the subsets the document embeds ({@link FontTable}).
 * The families are set on the runs by {@link RunFonts}.
 */
final class DocumentFonts {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    /** Page number fields (第 N 页 共 M 页) print digits the runs do not hold. */
    private static final String DIGITS = "0123456789";
    /** The configured faces, by number: body regular, body bold, title regular, title bold. */
    static final int FACES = 4;
    static final int BODY_REGULAR = 0;

    private final String bodyFamily;
    private final String titleFamily;
    private final Face[] faces;
    /** By file; a file that cannot be embedded (a fallback font with PostScript outlines, say) has none. */
    private final Map<Path, TrueTypeSubsetter> subsetters = new HashMap<>();

    /**
     * @param fallbacks the faces that draw what the configured ones lack, in the order they are tried (see
     *                  {@link cn.jixiao.fonts.GlyphCoverage#fallbacks})
     * @throws FontException when a configured family is not in the library or its file cannot be embedded
     */
    DocumentFonts(FontSettings settings, FontLibrary library, List<Face> fallbacks) throws FontException {
        this.bodyFamily = settings.bodyFamily();
        this.titleFamily = settings.titleFamily();
        this.faces = new Face[FACES + fallbacks.size()];
        for (int face = 0; face < FACES; face++) {
            faces[face] = library.face(face >= 2 ? titleFamily : bodyFamily, face % 2 == 1);
            if (!subsetters.containsKey(faces[face].file())) {
                subsetters.put(faces[face].file(), open(faces[face].file()));
            }
        }
        for (int i = 0; i < fallbacks.size(); i++) {
            Face fallback = fallbacks.get(i);
            faces[FACES + i] = fallback;
            if (cannotEmbed(fallback.file()).isEmpty()) {
                subsetters.put(fallback.file(), open(fallback.file()));
            }
        }
    }

    /**
     * Why the file cannot be embedded in a DOCX, or empty when it can: only fonts with TrueType outlines can be subset.
     */
    static Optional<String> cannotEmbed(Path file) {
        try {
            open(file);
            return Optional.empty();
        } catch (FontException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static TrueTypeSubsetter open(Path file) throws FontException {
        try {
            return TrueTypeSubsetter.open(file);
        } catch (IOException e) {
            throw new FontException("cannot read font " + file + ": " + e.getMessage());
        } catch (FontException e) {
            throw new FontException("cannot embed font " + file + ": " + e.getMessage());
        }
    }

    /** The number of the configured face a run is drawn in. */
    static int face(Styles styles, CTP paragraph, CTR run) {
        return (styles.isTitle(paragraph) ? 2 : 0) + (styles.bold(paragraph, run) ? 1 : 0);
    }

    /** The characters every document draws that no run holds: the page numbers' digits, in the body face. */
    static void addFieldDigits(BitSet[] codePoints) {
        DIGITS.chars().forEach(codePoints[BODY_REGULAR]::set);
    }

    /** How many faces there are, configured and fallback. */
    int count() {
        return faces.length;
    }

    Face face(int face) {
        return faces[face];
    }

    /** The family name the document gives the face: the configured name, or the fallback font's own. */
    String family(int face) {
        return face < FACES ? (face >= 2 ? titleFamily : bodyFamily) : faces[face].family();
    }

    String bodyFamily() {
        return bodyFamily;
    }

    String titleFamily() {
        return titleFamily;
    }

    /** The subsetter of the face's file, {@code null} when the file cannot be embedded. */
    TrueTypeSubsetter subsetter(int face) {
        return subsetters.get(faces[face].file());
    }

    /**
     * The fallback face that draws a character of text set in a configured face, or -1 when the configured face has
     * it (or no fallback does).
     */
    int fallbackFace(int face, int codePoint) {
        if (faces.length == FACES || subsetters.get(faces[face].file()).glyphId(codePoint) != 0) {
            return -1;
        }
        for (int fallback = FACES; fallback < faces.length; fallback++) {
            if (faces[fallback].canDisplay(codePoint)) {
                return fallback;
            }
        }
        return -1;
    }
}
