package cn.jixiao.render.docx;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.poi.ooxml.util.POIXMLUnits;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHpsMeasure;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTOnOff;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;

/** Run properties as Word resolves them: the run's own, else its paragraph style's and the styles it is based on. */
final class Styles {

    /** The title paragraph's style: its runs are set in the title family. */
    static final String TITLE_STYLE = "Title";

    private static final double DEFAULT_SIZE_TWIPS = 9 * 20;

    private final XWPFStyles styles;
    /** Resolved per paragraph style id ("" for none); a renderer makes one Styles per document, on one thread. */
    private final Map<String, Boolean> boldByStyle = new HashMap<>();
    private final Map<String, Double> sizeByStyle = new HashMap<>();

    Styles(XWPFStyles styles) {
        this.styles = styles;
    }

    static String styleId(CTP paragraph) {
        return paragraph.isSetPPr() && paragraph.getPPr().isSetPStyle() ? paragraph.getPPr().getPStyle().getVal()
                : null;
    }

    boolean isTitle(CTP paragraph) {
        return TITLE_STYLE.equals(styleId(paragraph));
    }

    boolean bold(CTP paragraph, CTR run) {
        if (run.isSetRPr() && run.getRPr().sizeOfBArray() > 0) {
            return POIXMLUnits.parseOnOff(run.getRPr().getBArray(0));
        }
        return boldByStyle.computeIfAbsent(String.valueOf(styleId(paragraph)), id -> {
            Boolean bold = fromStyles(paragraph, properties -> {
                List<CTOnOff> b = properties.getBList();
                return b.isEmpty() ? null : POIXMLUnits.parseOnOff(b.get(0));
            });
            return bold != null && bold;
        });
    }

    /** The paragraph's font size in twips (twentieths of a point). */
    double fontSizeTwips(CTP paragraph) {
        return sizeByStyle.computeIfAbsent(String.valueOf(styleId(paragraph)), id -> {
            BigInteger halfPoints = fromStyles(paragraph, properties -> {
                List<CTHpsMeasure> sz = properties.getSzList();
                return sz.isEmpty() || !(sz.get(0).getVal() instanceof BigInteger size) ? null : size;
            });
            return halfPoints == null ? DEFAULT_SIZE_TWIPS : halfPoints.doubleValue() * 10;
        });
    }

    /** A property from the paragraph's style chain, else from the document defaults. */
    private <T> T fromStyles(CTP paragraph, Function<CTRPr, T> property) {
        if (styles == null) {
            return null;
        }
        String id = styleId(paragraph);
        XWPFStyle style = id != null ? styles.getStyle(id) : defaultParagraphStyle();
        Set<String> seen = new HashSet<>();
        while (style != null && seen.add(style.getStyleId())) {
            CTStyle ct = style.getCTStyle();
            if (ct.isSetRPr()) {
                T value = property.apply(ct.getRPr());
                if (value != null) {
                    return value;
                }
            }
            style = ct.isSetBasedOn() ? styles.getStyle(ct.getBasedOn().getVal()) : null;
        }
        var defaults = styles.getCtStyles().getDocDefaults();
        if (defaults != null && defaults.isSetRPrDefault() && defaults.getRPrDefault().isSetRPr()) {
            return property.apply(defaults.getRPrDefault().getRPr());
        }
        return null;
    }

    private XWPFStyle defaultParagraphStyle() {
        for (CTStyle style : styles.getCtStyles().getStyleList()) {
            if (style.isSetDefault() && POIXMLUnits.parseOnOff(style.xgetDefault())
                    && "paragraph".equals(String.valueOf(style.getType()))) {
                return styles.getStyle(style.getStyleId());
            }
        }
        return null;
    }
}
