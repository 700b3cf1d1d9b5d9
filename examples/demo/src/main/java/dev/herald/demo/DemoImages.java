package dev.herald.demo;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Paints the demo site's images: three photo-like article illustrations (1200×675 JPEG), the
 * logo mark and wordmark, the default share card (1200×630 PNG) and the favicons.
 *
 * <p>The demo must not fetch anything and must not ship anyone else's photographs, so every
 * picture is drawn here from fixed random seeds; running it again gives the same scenes. It is a
 * program, not a test: {@code java src/test/java/dev/herald/demo/DemoImages.java webapp} writes
 * into {@code webapp/img/} and {@code webapp/favicon.ico}.
 */
public final class DemoImages {
    private static final int PHOTO_W = 1200;
    private static final int PHOTO_H = 675;
    private static final Color INK = new Color(0x14, 0x1d, 0x2e);
    private static final Color ACCENT = new Color(0xa3, 0x2a, 0x2a);
    private static final Color PAPER = new Color(0xfa, 0xf7, 0xf2);

    private DemoImages() {}

    /**
     * Writes every image under the given web root (default {@code webapp}).
     *
     * @param args optionally the web root directory
     * @throws IOException when a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "webapp");
        Path img = Files.createDirectories(root.resolve("img"));
        writeJpeg(basesAtDusk(), img.resolve("iran-bases-dusk.jpg"));
        writeJpeg(centrifugeHall(), img.resolve("centrifuge-hall.jpg"));
        writeJpeg(tankerAtDawn(), img.resolve("gulf-tanker-dawn.jpg"));
        ImageIO.write(mark(512), "png", img.resolve("ledger-mark.png").toFile());
        ImageIO.write(wordmark(), "png", img.resolve("ledger-logo.png").toFile());
        ImageIO.write(shareCard(), "png", img.resolve("ledger-card.png").toFile());
        ImageIO.write(mark(180), "png", img.resolve("apple-touch-icon.png").toFile());
        writeIco(mark(32), root.resolve("favicon.ico"));
        try (var files = Files.list(img)) {
            files.sorted().forEach(p -> System.out.printf("%-28s %7d bytes%n", p.getFileName(), p.toFile().length()));
        }
    }

    // ---------------------------------------------------------------- the lead story's scene

    /** Two bases' silhouettes on a desert horizon at dusk, with faint trails across the sky. */
    static BufferedImage basesAtDusk() {
        BufferedImage im = canvas(PHOTO_W, PHOTO_H);
        Graphics2D g = graphics(im);
        Random rnd = new Random(20200108L);
        int horizon = 468;

        vertical(g, 0, horizon + 4, PHOTO_W, new float[] {0f, .35f, .62f, .84f, 1f}, new Color[] {
            new Color(0x0b, 0x10, 0x2a), new Color(0x27, 0x22, 0x4f), new Color(0x6e, 0x36, 0x5a),
            new Color(0xc8, 0x5f, 0x3c), new Color(0xf0, 0xa8, 0x5e)});
        glow(g, 860, horizon + 10, 520, new Color(255, 196, 120, 150));
        glow(g, 860, horizon + 4, 160, new Color(255, 228, 170, 170));

        // Stars only where the sky is still dark.
        for (int i = 0; i < 140; i++) {
            float y = (float) Math.pow(rnd.nextFloat(), 1.8) * 230;
            int a = (int) (40 + rnd.nextInt(120) * (1 - y / 230));
            g.setColor(new Color(255, 255, 240, Math.max(0, Math.min(255, a))));
            float s = rnd.nextFloat() < .08f ? 2.2f : 1.2f;
            g.fill(new Ellipse2D.Float(rnd.nextFloat() * PHOTO_W, y, s, s));
        }

        // Long thin cloud banks lit from below.
        for (int i = 0; i < 7; i++) {
            float y = 300 + rnd.nextFloat() * 140;
            float x = rnd.nextFloat() * PHOTO_W - 200;
            float w = 300 + rnd.nextFloat() * 500;
            g.setPaint(new GradientPaint(0, y, new Color(255, 170, 120, 55), 0, y + 10, new Color(90, 40, 70, 25)));
            g.fill(new RoundRectangle2D.Float(x, y, w, 5 + rnd.nextFloat() * 7, 12, 12));
        }

        // Trails: thin luminous arcs descending towards the horizon.
        float[][] trails = {{90, 40, 420, 110, 610, horizon - 6}, {250, 10, 560, 90, 700, horizon - 2},
            {-40, 120, 330, 150, 520, horizon - 10}};
        for (float[] t : trails) {
            QuadCurve2D arc = new QuadCurve2D.Float(t[0], t[1], t[2], t[3], t[4], t[5]);
            for (int w = 9; w >= 1; w -= 2) {
                g.setColor(new Color(255, 214, 160, w == 1 ? 120 : 9));
                g.setStroke(new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(arc);
            }
        }

        // Far ridge, then the plain.
        g.setColor(new Color(0x4a, 0x2c, 0x3e));
        g.fill(ridge(horizon - 14, 16, 0.006, 0.017, rnd, horizon + 10));
        vertical(g, horizon, PHOTO_H, PHOTO_W, new float[] {0f, .25f, 1f}, new Color[] {
            new Color(0x5a, 0x33, 0x34), new Color(0x3a, 0x22, 0x24), new Color(0x16, 0x0e, 0x12)});

        // The base on the horizon: hangars, tower, water tank, masts with warning lights, fence.
        Color sil = new Color(0x1c, 0x12, 0x1c);
        g.setColor(sil);
        for (int i = 0; i < 5; i++) {
            float x = 150 + i * 86;
            g.fill(new Arc2D.Float(x, horizon - 38, 78, 76, 0, 180, Arc2D.CHORD));
            g.fill(new Rectangle2D.Float(x, horizon - 1, 78, 6));
        }
        g.fill(new Rectangle2D.Float(640, horizon - 92, 12, 96));
        g.fill(new Rectangle2D.Float(626, horizon - 112, 40, 22));
        g.setColor(new Color(255, 210, 140, 200));
        g.fill(new Rectangle2D.Float(629, horizon - 108, 34, 6));
        g.setColor(sil);
        g.fill(new Rectangle2D.Float(622, horizon - 116, 48, 5));
        g.fill(new Ellipse2D.Float(735, horizon - 70, 46, 30));
        g.setStroke(new BasicStroke(3));
        g.drawLine(742, horizon - 45, 736, horizon + 2);
        g.drawLine(774, horizon - 45, 780, horizon + 2);
        g.fill(new Rectangle2D.Float(700, horizon - 16, 180, 20));
        g.fill(new Rectangle2D.Float(900, horizon - 24, 120, 28));
        for (int x : new int[] {560, 1000, 1090}) {
            g.setStroke(new BasicStroke(2));
            g.drawLine(x, horizon, x, horizon - 140 - (x % 7) * 6);
            g.setColor(new Color(255, 60, 50, 230));
            g.fill(new Ellipse2D.Float(x - 3, horizon - 143 - (x % 7) * 6, 6, 6));
            g.setColor(sil);
        }
        g.setStroke(new BasicStroke(1.2f));
        for (int x = 0; x < PHOTO_W; x += 14) g.drawLine(x, horizon + 8, x, horizon - 4);
        g.drawLine(0, horizon - 2, PHOTO_W, horizon - 2);
        for (int x = 90; x < PHOTO_W; x += 170) {
            g.setColor(sil);
            g.setStroke(new BasicStroke(2f));
            g.drawLine(x, horizon + 6, x, horizon - 30);
            glow(g, x, horizon - 31, 26, new Color(255, 200, 120, 120));
            g.setColor(new Color(255, 236, 190));
            g.fill(new Ellipse2D.Float(x - 2.5f, horizon - 33, 5, 4));
        }

        // Scrub and stones on the plain, larger and darker towards the viewer.
        for (int i = 0; i < 260; i++) {
            float t = (float) Math.pow(rnd.nextFloat(), 0.7);
            float y = horizon + 10 + t * (PHOTO_H - horizon - 10);
            float size = 1.5f + t * 9 * rnd.nextFloat();
            g.setColor(new Color(0x1a, 0x10, 0x14, 60 + (int) (t * 90)));
            g.fill(new Ellipse2D.Float(rnd.nextFloat() * PHOTO_W, y, size * 2.4f, size * .6f));
        }

        // An access road running from the viewer to the gate, catching the last light.
        Path2D road = new Path2D.Float();
        road.moveTo(560, PHOTO_H);
        road.curveTo(640, 600, 690, 520, 688, horizon + 6);
        road.lineTo(700, horizon + 6);
        road.curveTo(720, 520, 800, 600, 960, PHOTO_H);
        road.closePath();
        g.setPaint(new GradientPaint(0, horizon, new Color(0x6a, 0x44, 0x3e), 0, PHOTO_H, new Color(0x24, 0x18, 0x1a)));
        g.fill(road);

        // Foreground blast walls and dunes, the nearest darkest.
        for (int i = 0; i < 11; i++) {
            float x = 40 + i * 52;
            Path2D wall = new Path2D.Float();
            wall.moveTo(x, 610);
            wall.lineTo(x + 6, 548);
            wall.lineTo(x + 40, 548);
            wall.lineTo(x + 46, 610);
            wall.closePath();
            g.setColor(new Color(0x22, 0x15, 0x1a));
            g.fill(wall);
            g.setColor(new Color(255, 170, 110, 60));
            g.fill(new Rectangle2D.Float(x + 6, 548, 34, 2));
        }
        g.setColor(new Color(0x1a, 0x10, 0x14));
        g.fill(ridge(600, 20, 0.004, 0.011, rnd, PHOTO_H));
        g.setColor(new Color(0x0e, 0x09, 0x0c));
        g.fill(ridge(640, 18, 0.003, 0.009, rnd, PHOTO_H));

        vignette(g, PHOTO_W, PHOTO_H, 0.55f);
        g.dispose();
        grain(im, 7, new Random(1));
        return im;
    }

    // ---------------------------------------------------------------- the explainer's scene

    /** A dim hall of centrifuge cascades receding to a vanishing point, in cold light. */
    static BufferedImage centrifugeHall() {
        BufferedImage im = canvas(PHOTO_W, PHOTO_H);
        Graphics2D g = graphics(im);
        float vx = 640;
        float vy = 300;
        Color fog = new Color(0x2a, 0x3d, 0x50);

        vertical(g, 0, PHOTO_H, PHOTO_W, new float[] {0f, .44f, .445f, 1f}, new Color[] {
            new Color(0x0b, 0x15, 0x22), fog, new Color(0x2e, 0x40, 0x52), new Color(0x0d, 0x15, 0x1f)});
        glow(g, vx, vy, 420, new Color(170, 215, 240, 70));

        // Floor seams converge on the vanishing point.
        g.setStroke(new BasicStroke(1f));
        for (int i = -20; i <= 20; i++) {
            g.setColor(new Color(140, 180, 205, 22));
            g.drawLine((int) vx, (int) vy, (int) (vx + i * 110), PHOTO_H);
        }

        // Rows of tall, thin rotors on a floor 120 units below the eye, ceiling lamps 160 above;
        // drawn far to near so nearer ones overlap, fading into the hall's haze with distance.
        float[] rows = {-4.5f, -3.5f, -2.5f, -1.5f, 1.5f, 2.5f, 3.5f, 4.5f};
        for (int depth = 90; depth >= 3; depth--) {
            float z = depth * 0.5f;
            float scale = FOCAL / z;
            float haze = Math.min(1f, z / 30f);
            for (int i = -2; i <= 2; i++) {
                float lx = vx + i * 260 * scale;
                float ly = vy - 160 * scale;
                glow(g, lx, ly, 40 * scale, mix(new Color(230, 245, 255), fog, haze * .6f, 120));
                g.setColor(mix(new Color(235, 248, 255), fog, haze * .7f, 255));
                g.fill(new Rectangle2D.Float(lx - 30 * scale, ly - 2 * scale, 60 * scale, 4 * scale));
            }
            for (float row : rows) {
                float x = vx + row * 60 * scale;
                float floor = vy + 120 * scale;
                if (x < -80 || x > PHOTO_W + 80) continue;
                cylinder(g, x, floor, 9 * scale, 190 * scale, fog, haze);
                g.setColor(mix(new Color(120, 150, 170), fog, haze, 255));
                g.setStroke(new BasicStroke(Math.max(1f, 2.5f * scale)));
                float nz = z + 0.5f;
                g.draw(new java.awt.geom.Line2D.Float(x, floor - 200 * scale,
                        vx + row * 60 * FOCAL / nz, vy + (120 - 200) * FOCAL / nz));
            }
        }

        g.setPaint(new GradientPaint(0, 420, new Color(160, 200, 220, 0), 0, PHOTO_H, new Color(160, 200, 220, 36)));
        g.fillRect(0, 420, PHOTO_W, PHOTO_H - 420);
        vignette(g, PHOTO_W, PHOTO_H, 0.6f);
        g.dispose();
        grain(im, 6, new Random(2));
        return im;
    }

    /** The hall's camera: how many pixels one unit spans at depth one. */
    private static final float FOCAL = 4.8f;

    private static void cylinder(Graphics2D g, float cx, float floor, float w, float h, Color fog, float haze) {
        float top = floor - h;
        Color dark = mix(new Color(0x1a, 0x24, 0x30), fog, haze, 255);
        Color lit = mix(new Color(0xc4, 0xd4, 0xde), fog, haze, 255);
        Color mid = mix(new Color(0x5d, 0x73, 0x84), fog, haze, 255);
        g.setPaint(new LinearGradientPaint(cx - w, 0, cx + w, 0, new float[] {0f, .3f, .55f, 1f},
                new Color[] {dark, lit, mid, dark}));
        g.fill(new Rectangle2D.Float(cx - w, top, 2 * w, h));
        g.fill(new Ellipse2D.Float(cx - w, floor - w * .3f, 2 * w, w * .6f));
        g.setColor(mix(new Color(0xdd, 0xea, 0xf0), fog, haze, 255));
        g.fill(new Ellipse2D.Float(cx - w, top - w * .3f, 2 * w, w * .6f));
        // Bands where the casing is joined, and the feed pipe rising to the header.
        g.setColor(mix(new Color(0x12, 0x1a, 0x22), fog, haze, 200));
        for (float b : new float[] {.25f, .5f, .75f}) {
            g.fill(new Rectangle2D.Float(cx - w, top + h * b, 2 * w, Math.max(1, h * .012f)));
        }
        g.setColor(mix(new Color(0x8a, 0xa3, 0xb4), fog, haze, 255));
        g.fill(new Rectangle2D.Float(cx - w * .2f, top - h * .055f, w * .4f, h * .055f));
    }

    private static Color mix(Color near, Color far, float t, int alpha) {
        float u = Math.max(0f, Math.min(1f, t));
        return new Color(
                Math.round(near.getRed() * (1 - u) + far.getRed() * u),
                Math.round(near.getGreen() * (1 - u) + far.getGreen() * u),
                Math.round(near.getBlue() * (1 - u) + far.getBlue() * u),
                alpha);
    }

    // ---------------------------------------------------------------- the archive's scene

    /** A laden tanker crossing a hazy strait at dawn, an escort boat in its wake. */
    static BufferedImage tankerAtDawn() {
        BufferedImage im = canvas(PHOTO_W, PHOTO_H);
        Graphics2D g = graphics(im);
        Random rnd = new Random(20190719L);
        int horizon = 380;

        vertical(g, 0, horizon, PHOTO_W, new float[] {0f, .5f, .85f, 1f}, new Color[] {
            new Color(0x4f, 0x63, 0x86), new Color(0xb3, 0x9a, 0xa6), new Color(0xf0, 0xbc, 0x9a), new Color(0xfa, 0xda, 0xb8)});
        glow(g, 330, horizon - 30, 360, new Color(255, 230, 190, 150));
        g.setColor(new Color(255, 244, 220, 235));
        g.fill(new Ellipse2D.Float(300, horizon - 62, 60, 60));

        g.setColor(new Color(0x9a, 0x84, 0x92, 160));
        g.fill(ridge(horizon - 18, 10, 0.005, 0.02, rnd, horizon + 2));

        vertical(g, horizon, PHOTO_H, PHOTO_W, new float[] {0f, .3f, 1f}, new Color[] {
            new Color(0xc9, 0xa2, 0x98), new Color(0x6e, 0x6b, 0x80), new Color(0x22, 0x2a, 0x3c)});
        // The sun's path on the water, broken by the swell.
        for (int i = 0; i < 260; i++) {
            float y = horizon + 3 + (float) Math.pow(rnd.nextFloat(), 1.6) * 290;
            float spread = 20 + (y - horizon) * 0.9f;
            float x = 330 + (rnd.nextFloat() - .5f) * spread;
            float len = 6 + rnd.nextFloat() * (y - horizon) * 0.25f;
            g.setColor(new Color(255, 236, 200, 60 + rnd.nextInt(130)));
            g.fill(new Rectangle2D.Float(x - len / 2, y, len, 1.5f + (y - horizon) / 160));
        }
        for (int i = 0; i < 420; i++) {
            float y = horizon + 4 + rnd.nextFloat() * (PHOTO_H - horizon);
            float x = rnd.nextFloat() * PHOTO_W;
            g.setColor(new Color(20, 26, 40, 40));
            g.fill(new Rectangle2D.Float(x, y, 10 + (y - horizon) * .3f, 1 + (y - horizon) / 120));
        }

        // The tanker: long low hull, manifold amidships, accommodation block aft.
        Color hull = new Color(0x1d, 0x1c, 0x26);
        float bow = 1110;
        float stern = 520;
        float deck = horizon + 34;
        GeneralPath ship = new GeneralPath();
        ship.moveTo(stern, deck - 20);
        ship.lineTo(bow - 30, deck - 22);
        ship.lineTo(bow, deck - 30);
        ship.lineTo(bow - 12, deck + 14);
        ship.lineTo(stern + 10, deck + 14);
        ship.closePath();
        g.setColor(hull);
        g.fill(ship);
        g.fill(new Rectangle2D.Float(stern + 18, deck - 76, 64, 56));
        g.fill(new Rectangle2D.Float(stern + 12, deck - 86, 82, 10));
        g.fill(new Rectangle2D.Float(stern + 52, deck - 118, 12, 34));
        g.setColor(new Color(255, 214, 160, 180));
        for (int i = 0; i < 5; i++) g.fill(new Rectangle2D.Float(stern + 24 + i * 11, deck - 70, 6, 4));
        g.setColor(hull);
        g.setStroke(new BasicStroke(2f));
        for (int i = 0; i < 9; i++) {
            float x = stern + 120 + i * 48;
            g.draw(new java.awt.geom.Line2D.Float(x, deck - 22, x, deck - 34));
        }
        g.draw(new java.awt.geom.Line2D.Float(stern + 120, deck - 32, stern + 504, deck - 33));
        g.fill(new Rectangle2D.Float(bow - 70, deck - 48, 4, 26));
        g.setColor(new Color(0x2c, 0x2b, 0x38, 120));
        g.fill(new Rectangle2D.Float(stern + 10, deck + 14, bow - stern - 22, 18));

        // Escort boat and its wake.
        g.setColor(new Color(255, 240, 225, 70));
        g.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new QuadCurve2D.Float(250, 560, 120, 600, -40, 610));
        g.draw(new QuadCurve2D.Float(250, 566, 140, 650, 40, 690));
        Path2D boat = new Path2D.Float();
        boat.moveTo(232, 552);
        boat.lineTo(330, 548);
        boat.lineTo(318, 568);
        boat.lineTo(240, 570);
        boat.closePath();
        g.setColor(new Color(0x15, 0x17, 0x20));
        g.fill(boat);
        g.fill(new Rectangle2D.Float(258, 532, 34, 18));
        g.fill(new Rectangle2D.Float(272, 516, 3, 18));

        vignette(g, PHOTO_W, PHOTO_H, 0.45f);
        g.dispose();
        grain(im, 6, new Random(3));
        return im;
    }

    // ---------------------------------------------------------------- brand

    /** The logo mark: a meridian globe in a rounded ink square, {@code size} pixels wide. */
    static BufferedImage mark(int size) {
        BufferedImage im = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = graphics(im);
        float s = size / 100f;
        g.setColor(INK);
        g.fill(new RoundRectangle2D.Float(0, 0, size, size, 22 * s, 22 * s));
        float stroke = Math.max(1.4f, 5.5f * s);
        g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(PAPER);
        g.draw(new Ellipse2D.Float(20 * s, 20 * s, 60 * s, 60 * s));
        g.draw(new Ellipse2D.Float(38 * s, 20 * s, 24 * s, 60 * s));
        if (size >= 64) {
            g.setStroke(new BasicStroke(stroke * .6f));
            // Two parallels, each meeting the outline where the sphere's circle passes their height.
            g.draw(new Arc2D.Float(23 * s, 32 * s, 54 * s, 10 * s, 180, 180, Arc2D.OPEN));
            g.draw(new Arc2D.Float(23 * s, 58 * s, 54 * s, 10 * s, 180, 180, Arc2D.OPEN));
        }
        g.setColor(ACCENT);
        g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new java.awt.geom.Line2D.Float(50 * s, 12 * s, 50 * s, 88 * s));
        g.dispose();
        return im;
    }

    /** The wordmark for JSON-LD {@code publisher.logo}: 600×60, mark and name on transparent ground. */
    static BufferedImage wordmark() {
        BufferedImage im = new BufferedImage(600, 60, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = graphics(im);
        g.drawImage(mark(56), 2, 2, null);
        g.setColor(INK);
        g.setFont(new Font(Font.SERIF, Font.BOLD, 38));
        g.drawString("The Meridian Ledger", 74, 44);
        g.dispose();
        return im;
    }

    /** The default share card, 1200×630: used when an article has no picture of its own. */
    static BufferedImage shareCard() {
        BufferedImage im = canvas(1200, 630);
        Graphics2D g = graphics(im);
        vertical(g, 0, 630, 1200, new float[] {0f, 1f}, new Color[] {new Color(0x18, 0x22, 0x36), new Color(0x0d, 0x13, 0x20)});
        g.setColor(new Color(255, 255, 255, 14));
        g.setStroke(new BasicStroke(2f));
        for (int r = 120; r < 1300; r += 70) g.draw(new Ellipse2D.Float(980 - r, 315 - r, 2 * r, 2 * r));
        g.setColor(ACCENT);
        g.fillRect(0, 0, 1200, 12);
        g.drawImage(mark(200), 110, 215, null);
        g.setColor(PAPER);
        g.setFont(new Font(Font.SERIF, Font.BOLD, 76));
        g.drawString("The Meridian", 360, 300);
        g.drawString("Ledger", 360, 384);
        g.setColor(new Color(0xc9, 0xd2, 0xe0));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 30));
        g.drawString("World news, explained.", 362, 446);
        g.dispose();
        return im;
    }

    // ---------------------------------------------------------------- painting helpers

    private static BufferedImage canvas(int w, int h) {
        return new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    }

    private static Graphics2D graphics(BufferedImage im) {
        Graphics2D g = im.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    private static void vertical(Graphics2D g, int y0, int y1, int w, float[] stops, Color[] colors) {
        g.setPaint(new LinearGradientPaint(0, y0, 0, y1, stops, colors, MultipleGradientPaint.CycleMethod.NO_CYCLE));
        g.fillRect(0, y0, w, y1 - y0);
    }

    private static void glow(Graphics2D g, float x, float y, float r, Color c) {
        Color clear = new Color(c.getRed(), c.getGreen(), c.getBlue(), 0);
        g.setPaint(new RadialGradientPaint(new Point2D.Float(x, y), r, new float[] {0f, 1f}, new Color[] {c, clear}));
        g.fill(new Ellipse2D.Float(x - r, y - r, 2 * r, 2 * r));
    }

    /** A hill line around {@code base} made of two random sine waves, filled down to {@code bottom}. */
    private static Path2D ridge(float base, float amp, double f1, double f2, Random rnd, float bottom) {
        double p1 = rnd.nextDouble() * 6.3;
        double p2 = rnd.nextDouble() * 6.3;
        Path2D p = new Path2D.Float();
        p.moveTo(0, bottom);
        for (int x = 0; x <= PHOTO_W + 10; x += 6) {
            double y = base - amp * (0.6 * Math.sin(x * f1 * 2 * Math.PI / 6 + p1) + 0.4 * Math.sin(x * f2 * 2 * Math.PI / 6 + p2));
            p.lineTo(x, y);
        }
        p.lineTo(PHOTO_W + 10, bottom);
        p.closePath();
        return p;
    }

    private static void vignette(Graphics2D g, int w, int h, float strength) {
        g.setComposite(AlphaComposite.SrcOver);
        g.setPaint(new RadialGradientPaint(new Point2D.Float(w / 2f, h / 2f), w * .75f, new float[] {.45f, 1f},
                new Color[] {new Color(0, 0, 0, 0), new Color(0, 0, 0, (int) (255 * strength))}));
        g.fillRect(0, 0, w, h);
    }

    /** Film-like luminance noise, so the flat gradients read as a photograph rather than a chart. */
    private static void grain(BufferedImage im, int amount, Random rnd) {
        for (int y = 0; y < im.getHeight(); y++) {
            for (int x = 0; x < im.getWidth(); x++) {
                int rgb = im.getRGB(x, y);
                int n = (int) Math.round(rnd.nextGaussian() * amount);
                int r = clamp(((rgb >> 16) & 0xff) + n);
                int gr = clamp(((rgb >> 8) & 0xff) + n);
                int b = clamp((rgb & 0xff) + n);
                im.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static void writeJpeg(BufferedImage im, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.82f);
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(im, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** An ICO file holding one PNG-encoded image, a form every current browser reads. */
    private static void writeIco(BufferedImage im, Path file) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(im, "png", png);
        ByteBuffer head = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        head.putShort((short) 0).putShort((short) 1).putShort((short) 1);
        head.put((byte) im.getWidth()).put((byte) im.getHeight()).put((byte) 0).put((byte) 0);
        head.putShort((short) 1).putShort((short) 32).putInt(png.size()).putInt(22);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(head.array());
            png.writeTo(out);
        }
    }
}
