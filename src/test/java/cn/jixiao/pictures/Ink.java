package cn.jixiao.pictures;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Which pixels of a picture carry ink. A pixel is ink when it is darker than {@value #LIGHTEST_INK} of 255: black
 * and every anti-aliased grey a printer would still print, so that a half-pixel line of a grey picture counts as well
 * as the one-pixel line of a black-and-white one.
 */
final class Ink {

    /** The lightest grey that counts as ink. */
    static final int LIGHTEST_INK = 199;

    private final int width;
    private final int height;
    private final boolean[] dark;

    private Ink(int width, int height, boolean[] dark) {
        this.width = width;
        this.height = height;
        this.dark = dark;
    }

    static Ink of(BufferedImage picture) {
        BufferedImage gray = picture;
        if (picture.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            gray = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D graphics = gray.createGraphics();
            graphics.drawImage(picture, 0, 0, null);
            graphics.dispose();
        }
        byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        boolean[] dark = new boolean[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            dark[i] = (pixels[i] & 0xff) <= LIGHTEST_INK;
        }
        return new Ink(gray.getWidth(), gray.getHeight(), dark);
    }

    /** The ink as a black-and-white picture (one bit a pixel): what a reference picture keeps of a page. */
    BufferedImage picture() {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        int[] samples = new int[dark.length];
        for (int i = 0; i < dark.length; i++) {
            samples[i] = dark[i] ? 0 : 1; // the indices of black and white in the picture's two-colour palette
        }
        picture.getRaster().setPixels(0, 0, width, height, samples);
        return picture;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Whether the pixel is ink; outside the picture there is none. */
    boolean at(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && dark[y * width + x];
    }

    /** Whether there is ink at the pixel or at one of its eight neighbours. */
    boolean near(int x, int y) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                if (at(x + dx, y + dy)) {
                    return true;
                }
            }
        }
        return false;
    }
}
