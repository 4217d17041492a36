package cn.jixiao.pictures;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules (the drawn lines) of a table on a page picture, found as long straight runs of ink: a horizontal run of
 * at least {@value #SHORTEST_HORIZONTAL_POINTS} pt, a vertical one of at least {@value #SHORTEST_VERTICAL_POINTS} pt.
 * The form's text makes no run that long (the strokes of the 18 pt title come closest), while the narrowest column
 * is 38 pt wide and the lowest row 20 pt high: every rule is found and no text, as {@link PdfTableFollowsFormGridTest}
 * checks on the examples by counting the rules.
 * Neighbouring rows (columns) of pixels with runs make one rule: a line of the PDF may cover two pixels.
 */
final class TableLines {

    static final double SHORTEST_HORIZONTAL_POINTS = 30;
    static final double SHORTEST_VERTICAL_POINTS = 19;

    /** Which way a rule runs, and the names of its coordinates. */
    enum Direction {
        HORIZONTAL("horizontal", "y", "x"), VERTICAL("vertical", "x", "y");

        final String word;
        /** The coordinate that tells rules of this direction apart. */
        final String across;
        /** The coordinate along the rule. */
        final String along;

        Direction(String word, String across, String along) {
            this.word = word;
            this.across = across;
            this.along = along;
        }
    }

    /** A drawn piece of a rule, from pixel {@code from} to pixel {@code to}, both included. */
    record Segment(int from, int to) {
        int length() {
            return to - from + 1;
        }

        @Override
        public String toString() {
            return from + "–" + to;
        }
    }

    /**
     * A rule: its first pixel row (column) across, how many pixels thick it is, and the pieces drawn along it, in
     * order.
     */
    record Rule(Direction direction, int position, int thickness, List<Segment> segments) {
        Rule {
            segments = List.copyOf(segments);
        }

        int last() {
            return position + thickness - 1;
        }
    }

    private final List<Rule> horizontal;
    private final List<Rule> vertical;

    private TableLines(List<Rule> horizontal, List<Rule> vertical) {
        this.horizontal = horizontal;
        this.vertical = vertical;
    }

    static TableLines of(Ink ink, int dpi) {
        int shortestHorizontal = (int) Math.round(SHORTEST_HORIZONTAL_POINTS * dpi / 72);
        int shortestVertical = (int) Math.round(SHORTEST_VERTICAL_POINTS * dpi / 72);
        return new TableLines(
                rules(Direction.HORIZONTAL, ink.height(), ink.width(), shortestHorizontal, (along, across) -> ink.at(along, across)),
                rules(Direction.VERTICAL, ink.width(), ink.height(), shortestVertical, (along, across) -> ink.at(across, along)));
    }

    List<Rule> horizontal() {
        return horizontal;
    }

    List<Rule> vertical() {
        return vertical;
    }

    List<Rule> get(Direction direction) {
        return direction == Direction.HORIZONTAL ? horizontal : vertical;
    }

    private interface Pixels {
        boolean ink(int along, int across);
    }

    private static List<Rule> rules(Direction direction, int acrossSize, int alongSize, int shortest, Pixels pixels) {
        List<Rule> rules = new ArrayList<>();
        int first = -1;
        List<Segment> segments = new ArrayList<>();
        for (int across = 0; across <= acrossSize; across++) {
            List<Segment> runs = across < acrossSize ? runs(pixels, across, alongSize, shortest) : List.of();
            if (!runs.isEmpty()) {
                if (first < 0) {
                    first = across;
                }
                segments.addAll(runs);
            } else if (first >= 0) {
                rules.add(new Rule(direction, first, across - first, union(segments)));
                first = -1;
                segments.clear();
            }
        }
        return rules;
    }

    private static List<Segment> runs(Pixels pixels, int across, int alongSize, int shortest) {
        List<Segment> runs = new ArrayList<>();
        int start = -1;
        for (int along = 0; along <= alongSize; along++) {
            boolean ink = along < alongSize && pixels.ink(along, across);
            if (ink && start < 0) {
                start = along;
            } else if (!ink && start >= 0) {
                if (along - start >= shortest) {
                    runs.add(new Segment(start, along - 1));
                }
                start = -1;
            }
        }
        return runs;
    }

    /** The segments merged where they overlap or touch, in order. */
    static List<Segment> union(List<Segment> segments) {
        List<Segment> sorted = new ArrayList<>(segments);
        sorted.sort((a, b) -> Integer.compare(a.from(), b.from()));
        List<Segment> merged = new ArrayList<>();
        for (Segment segment : sorted) {
            Segment last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && segment.from() <= last.to() + 1) {
                merged.set(merged.size() - 1, new Segment(last.from(), Math.max(last.to(), segment.to())));
            } else {
                merged.add(segment);
            }
        }
        return merged;
    }
}
