package cn.jixiao.pictures;

import cn.jixiao.pictures.TableLines.Direction;
import cn.jixiao.pictures.TableLines.Rule;
import cn.jixiao.pictures.TableLines.Segment;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A page picture compared with its reference, as a reader of the printed form would: first the table's rules, which
 * must be where they were to the pixel ({@value #LINE_TOLERANCE} px either way) and drawn as far as they were; then
 * everything else (the text), with a tolerance for the odd pixel a renderer draws differently.
 *
 * <p>The tolerant part: a pixel of ink counts as different only when the other picture has no ink within
 * {@value #LINE_TOLERANCE} px of it, and a {@value #TILE}×{@value #TILE} px tile of the page differs when it holds at
 * least {@value #DIFFERENT_PIXELS_PER_TILE} such pixels. A character changed, added or lost, or a text moved by two
 * pixels, makes a tile differ; a glyph edge drawn one pixel further does not.
 */
final class PictureComparison {

    static final int LINE_TOLERANCE = 1;

    /**
     * A stretch of a rule missing now and a new one pair up as a moved rule when their ends are within this many
     * pixels: where a moved rule met a rule that stays, the stretch that stays takes a pixel or two off the end of
     * the missing one.
     */
    static final int MOVED_STRETCH_SLACK = 3;
    static final int TILE = 16;
    static final int DIFFERENT_PIXELS_PER_TILE = 8;

    /** How a piece of a rule differs. */
    enum Change {
        /** Drawn in the reference at one place, now at another along the same stretch. */
        MOVED,
        /** Drawn in the reference, not now. */
        MISSING,
        /** Drawn now, not in the reference. */
        NEW
    }

    /**
     * A stretch of a rule that differs.
     *
     * @param number    the rule's number in the reference, counted from the top (left) from 1; 0 for a line that is
     *                  only drawn now
     * @param reference where it is across in the reference, px; -1 for a new line
     * @param now       where it is across now, px; -1 for a missing line
     * @param stretch   the stretch along the rule that differs, px
     */
    record LineDifference(Direction direction, Change change, int number, int reference, int now, Segment stretch,
                          int dpi) {

        String describe() {
            String along = direction.along + "=" + stretch + " px";
            return switch (change) {
                case MOVED -> direction.word + " rule " + number + " at " + across(reference)
                        + " in the reference, " + across(now) + " now (" + along + ")";
                case MISSING -> direction.word + " rule " + number + " at " + across(reference) + ": " + along
                        + " drawn in the reference, missing now";
                case NEW -> "new " + direction.word + " line at " + across(now) + ", " + along
                        + ": drawn now, not in the reference";
            };
        }

        private String across(int pixels) {
            return direction.across + "=" + pixels + " px ("
                    + String.format(Locale.ROOT, "%.1f", pixels * 72.0 / dpi) + " pt)";
        }
    }

    /** What the comparison found. */
    static final class Result {
        private final BufferedImage reference;
        private final BufferedImage now;
        private final String sizeDifference;
        private final List<LineDifference> lines;
        private final List<Rectangle> tiles;
        private final int tileCount;
        private final Ink before;
        private final Ink after;

        private Result(BufferedImage reference, BufferedImage now, String sizeDifference, List<LineDifference> lines,
                       List<Rectangle> tiles, int tileCount, Ink before, Ink after) {
            this.reference = reference;
            this.now = now;
            this.sizeDifference = sizeDifference;
            this.lines = List.copyOf(lines);
            this.tiles = List.copyOf(tiles);
            this.tileCount = tileCount;
            this.before = before;
            this.after = after;
        }

        boolean same() {
            return sizeDifference == null && lines.isEmpty() && tiles.isEmpty();
        }

        List<LineDifference> lines() {
            return lines;
        }

        /** The tiles that differ, in pixels of the page. */
        List<Rectangle> tiles() {
            return tiles;
        }

        /**
         * The differences, one a line, the rules first; at most {@code limit} rule differences are listed, then how
         * many more there are.
         */
        List<String> describe(int limit) {
            List<String> text = new ArrayList<>();
            if (sizeDifference != null) {
                text.add(sizeDifference);
            }
            lines.stream().limit(limit).forEach(line -> text.add(line.describe()));
            if (lines.size() > limit) {
                text.add("… and " + (lines.size() - limit) + " more differences of the rules");
            }
            if (!tiles.isEmpty()) {
                Rectangle first = tiles.get(0);
                text.add(tiles.size() + " of " + tileCount + " tiles of " + TILE + "×" + TILE + " px differ in"
                        + " their ink (" + DIFFERENT_PIXELS_PER_TILE + " or more pixels with no ink within "
                        + LINE_TOLERANCE + " px in the other picture), the first at x=" + first.x + "–"
                        + (first.x + first.width - 1) + ", y=" + first.y + "–" + (first.y + first.height - 1)
                        + " px");
            }
            return text;
        }

        /** Ink of the reference only in red, ink only drawn now in blue, ink of both in grey, tiles framed in red. */
        private BufferedImage diff() {
            int width = Math.min(before.width(), after.width());
            int height = Math.min(before.height(), after.height());
            int[] colours = new int[width * height];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    colours[y * width + x] = (onlyIn(before, after, x, y) ? Color.RED
                            : onlyIn(after, before, x, y) ? Color.BLUE
                            : before.at(x, y) || after.at(x, y) ? Color.LIGHT_GRAY : Color.WHITE).getRGB();
                }
            }
            for (Rectangle tile : tiles) {
                for (int x = tile.x; x < tile.x + tile.width; x++) {
                    colours[tile.y * width + x] = Color.RED.getRGB();
                    colours[(tile.y + tile.height - 1) * width + x] = Color.RED.getRGB();
                }
                for (int y = tile.y; y < tile.y + tile.height; y++) {
                    colours[y * width + tile.x] = Color.RED.getRGB();
                    colours[y * width + tile.x + tile.width - 1] = Color.RED.getRGB();
                }
            }
            BufferedImage diff = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            diff.setRGB(0, 0, width, height, colours, 0, width);
            return diff;
        }

        /**
         * Writes {@code NAME-expected.png}, {@code NAME-actual.png} and {@code NAME-diff.png} (ink of the reference
         * only in red, ink only drawn now in blue, ink of both in grey, differing tiles framed in red) into the
         * directory, and returns a line naming them.
         */
        String writeImages(Path directory, String name) {
            try {
                Files.createDirectories(directory);
                Path expected = directory.resolve(name + "-expected.png");
                Path actual = directory.resolve(name + "-actual.png");
                ImageIO.write(reference, "png", expected.toFile());
                ImageIO.write(now, "png", actual.toFile());
                Path difference = directory.resolve(name + "-diff.png");
                ImageIO.write(diff(), "png", difference.toFile());
                return "pictures: " + expected + ", " + actual + ", " + difference
                        + " (red: ink only in the reference, blue: only now)";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private PictureComparison() {
    }

    /**
     * Compares a page picture with its reference; both drawn at {@code dpi}. Pictures of different sizes are compared
     * where they overlap, from the top left corner, and the sizes are reported too.
     */
    static Result compare(BufferedImage reference, BufferedImage now, int dpi) {
        String sizeDifference = reference.getWidth() == now.getWidth() && reference.getHeight() == now.getHeight()
                ? null
                : "the page is " + now.getWidth() + "×" + now.getHeight() + " px now, " + reference.getWidth() + "×"
                        + reference.getHeight() + " px in the reference";
        Ink before = Ink.of(reference);
        Ink after = Ink.of(now);
        TableLines linesBefore = TableLines.of(before, dpi);
        TableLines linesAfter = TableLines.of(after, dpi);
        List<LineDifference> lines = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            lines.addAll(lineDifferences(direction, linesBefore.get(direction), linesAfter.get(direction), dpi));
        }

        int width = Math.min(reference.getWidth(), now.getWidth());
        int height = Math.min(reference.getHeight(), now.getHeight());
        int tilesAcross = (width + TILE - 1) / TILE;
        int[] perTile = new int[tilesAcross * ((height + TILE - 1) / TILE)];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (onlyIn(before, after, x, y) || onlyIn(after, before, x, y)) {
                    perTile[(y / TILE) * tilesAcross + x / TILE]++;
                }
            }
        }
        List<Rectangle> tiles = new ArrayList<>();
        for (int i = 0; i < perTile.length; i++) {
            if (perTile[i] >= DIFFERENT_PIXELS_PER_TILE) {
                tiles.add(new Rectangle((i % tilesAcross) * TILE, (i / tilesAcross) * TILE, TILE, TILE)
                        .intersection(new Rectangle(width, height)));
            }
        }
        return new Result(reference, now, sizeDifference, lines, tiles, perTile.length, before, after);
    }

    /** Whether the pixel is ink in {@code one} with no ink within a pixel of it in {@code other}. */
    private static boolean onlyIn(Ink one, Ink other, int x, int y) {
        return one.at(x, y) && !other.near(x, y);
    }

    /** A stretch of a rule drawn in one picture only. */
    private record Piece(int number, int position, Segment stretch) {
    }

    private static List<LineDifference> lineDifferences(Direction direction, List<Rule> before, List<Rule> after,
                                                        int dpi) {
        List<Piece> missing = unmatched(before, after);
        List<Piece> added = unmatched(after, before);
        List<LineDifference> differences = new ArrayList<>();
        for (Piece gone : missing) {
            Piece moved = added.stream()
                    .filter(piece -> Math.abs(piece.stretch().from() - gone.stretch().from()) <= MOVED_STRETCH_SLACK
                            && Math.abs(piece.stretch().to() - gone.stretch().to()) <= MOVED_STRETCH_SLACK)
                    .min((a, b) -> Integer.compare(Math.abs(a.position() - gone.position()),
                            Math.abs(b.position() - gone.position())))
                    .orElse(null);
            if (moved != null) {
                added.remove(moved);
                differences.add(new LineDifference(direction, Change.MOVED, gone.number(), gone.position(),
                        moved.position(), gone.stretch(), dpi));
            } else {
                differences.add(new LineDifference(direction, Change.MISSING, gone.number(), gone.position(), -1,
                        gone.stretch(), dpi));
            }
        }
        for (Piece piece : added) {
            differences.add(new LineDifference(direction, Change.NEW, 0, -1, piece.position(), piece.stretch(), dpi));
        }
        return differences;
    }

    /**
     * The stretches of the rules of {@code drawn} that no rule of {@code other} within the tolerance covers, ends
     * within the tolerance forgiven; each with its rule's number in {@code drawn}.
     */
    private static List<Piece> unmatched(List<Rule> drawn, List<Rule> other) {
        List<Piece> pieces = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            Rule rule = drawn.get(i);
            List<Segment> covered = new ArrayList<>();
            for (Rule candidate : other) {
                if (candidate.position() <= rule.last() + LINE_TOLERANCE
                        && candidate.last() >= rule.position() - LINE_TOLERANCE) {
                    for (Segment segment : candidate.segments()) {
                        covered.add(new Segment(segment.from() - LINE_TOLERANCE, segment.to() + LINE_TOLERANCE));
                    }
                }
            }
            for (Segment segment : rule.segments()) {
                for (Segment left : subtract(segment, TableLines.union(covered))) {
                    if (left.length() > 2 * LINE_TOLERANCE) {
                        pieces.add(new Piece(i + 1, rule.position(), left));
                    }
                }
            }
        }
        return pieces;
    }

    /** What of the segment the sorted, disjoint cover leaves. */
    private static List<Segment> subtract(Segment segment, List<Segment> cover) {
        List<Segment> left = new ArrayList<>();
        int from = segment.from();
        for (Segment covered : cover) {
            if (covered.to() < from || covered.from() > segment.to()) {
                continue;
            }
            if (covered.from() > from) {
                left.add(new Segment(from, covered.from() - 1));
            }
            from = Math.max(from, covered.to() + 1);
        }
        if (from <= segment.to()) {
            left.add(new Segment(from, segment.to()));
        }
        return left;
    }
}
