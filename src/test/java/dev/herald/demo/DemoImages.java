package dev.herald.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Paints the demo site's illustrations (the sandbox has no stock photos), so the committed images
 * in {@code webapp/img} can be regenerated: {@code java ... dev.herald.demo.DemoImages webapp/img}.
 * Not a test. Fixed seeds make the output reproducible.
 */
public final class DemoImages {
    private static final Color INK = new Color(0x14, 0x1b, 0x2d);
    private static final Color ACCENT = new Color(0xc2, 0x41, 0x2d);

    private DemoImages() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "webapp/img");
        Files.createDirectories(dir);
        jpeg(desertBaseAtDusk(), dir.resolve("air-base-at-dusk.jpg"));
        jpeg(agreementRings(), dir.resolve("nuclear-agreement.jpg"));
        jpeg(archiveDesk(), dir.resolve("archive-briefing.jpg"));
        ImageIO.write(shareCard(), "png", dir.resolve("ledger-card.png").toFile());
        ImageIO.write(logo(256), "png", dir.resolve("logo.png").toFile());
        ImageIO.write(logo(32), "png", dir.resolve("favicon.png").toFile());
    }

    private static Graphics2D smooth(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        return g;
    }

    /** A desert airfield at dusk: sky gradient, dunes, hangars and masts in silhouette, a contrail. */
    static BufferedImage desertBaseAtDusk() {
        int w = 1200, h = 675;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = smooth(img);
        g.setPaint(new GradientPaint(0, 0, new Color(0x1d, 0x24, 0x4a), 0, h * 0.72f, new Color(0xf0, 0x9a, 0x5a)));
        g.fillRect(0, 0, w, h);
        g.setPaint(new RadialGradientPaint(820, 470, 260, new float[] {0f, 1f},
                new Color[] {new Color(255, 214, 150, 190), new Color(255, 214, 150, 0)}));
        g.fillRect(0, 0, w, h);
        Random r = new Random(7);
        g.setColor(new Color(255, 255, 255, 150));
        for (int i = 0; i < 70; i++) {
            int x = r.nextInt(w), y = r.nextInt(200);
            g.fill(new Ellipse2D.Double(x, y, 1.6, 1.6));
        }
        // A thin contrail crossing the upper sky.
        g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(255, 236, 210, 120));
        Path2D trail = new Path2D.Double();
        trail.moveTo(120, 250);
        trail.curveTo(380, 150, 620, 110, 930, 60);
        g.draw(trail);
        dune(g, h, w, 0.74, new Color(0x8a, 0x55, 0x3c), 11);
        dune(g, h, w, 0.80, new Color(0x5e, 0x3a, 0x2e), 12);
        g.setColor(new Color(0x1b, 0x14, 0x16));
        int ground = (int) (h * 0.82);
        for (int i = 0; i < 5; i++) {
            int x = 90 + i * 170, hw = 120, hh = 46;
            Path2D hangar = new Path2D.Double();
            hangar.moveTo(x, ground);
            hangar.curveTo(x, ground - hh * 1.3, x + hw, ground - hh * 1.3, x + hw, ground);
            hangar.closePath();
            g.fill(hangar);
        }
        g.fillRect(960, ground - 150, 6, 150);
        g.fillRect(940, ground - 150, 46, 8);
        g.fillRect(1040, ground - 90, 70, 90);
        g.fillRect(1060, ground - 120, 30, 30);
        g.fillRect(0, ground, w, h - ground);
        g.setColor(new Color(255, 190, 120, 210));
        for (int i = 0; i < 14; i++) g.fillRect(40 + i * 82, ground + 18, 18, 3);
        g.dispose();
        return img;
    }

    private static void dune(Graphics2D g, int h, int w, double level, Color c, long seed) {
        Random r = new Random(seed);
        Path2D p = new Path2D.Double();
        p.moveTo(0, h);
        double y = h * level;
        p.lineTo(0, y);
        for (int x = 0; x <= w; x += 150) {
            double ny = h * level + (r.nextDouble() - 0.5) * 40;
            p.quadTo(x + 75, ny - 25, x + 150, ny);
        }
        p.lineTo(w, h);
        p.closePath();
        g.setColor(c);
        g.fill(p);
    }

    /** An abstract diagram for the explainer: orbits around a core, and a ledger of terms. */
    static BufferedImage agreementRings() {
        int w = 1200, h = 675;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = smooth(img);
        g.setPaint(new GradientPaint(0, 0, new Color(0x0e, 0x2a, 0x3f), w, h, new Color(0x16, 0x45, 0x5c)));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(255, 255, 255, 18));
        for (int x = 0; x < w; x += 40) g.drawLine(x, 0, x, h);
        for (int y = 0; y < h; y += 40) g.drawLine(0, y, w, y);
        int cx = 430, cy = 340;
        g.setStroke(new BasicStroke(3f));
        for (int i = 0; i < 3; i++) {
            g.setColor(new Color(0x9b, 0xd8, 0xe8, 150));
            Graphics2D rot = (Graphics2D) g.create();
            rot.rotate(Math.toRadians(i * 60), cx, cy);
            rot.draw(new Ellipse2D.Double(cx - 250, cy - 90, 500, 180));
            rot.dispose();
        }
        g.setPaint(new RadialGradientPaint(cx, cy, 60, new float[] {0f, 1f},
                new Color[] {new Color(0xff, 0xd2, 0x7f), new Color(0xe0, 0x6c, 0x3c)}));
        g.fill(new Ellipse2D.Double(cx - 48, cy - 48, 96, 96));
        g.setColor(new Color(0xf4, 0xef, 0xe6));
        g.fillRoundRect(780, 150, 320, 380, 14, 14);
        g.setColor(new Color(0x33, 0x3d, 0x4f));
        g.setFont(new Font(Font.SERIF, Font.BOLD, 30));
        g.drawString("2015 · 2018", 820, 205);
        g.setStroke(new BasicStroke(6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 8; i++) {
            int y = 250 + i * 34;
            g.setColor(new Color(0x9a, 0xa3, 0xb2));
            g.drawLine(820, y, 820 + 200 - (i % 3) * 40, y);
            g.setColor(i < 5 ? new Color(0x2e, 0x8b, 0x57) : ACCENT);
            g.fill(new Ellipse2D.Double(1050, y - 9, 18, 18));
        }
        g.dispose();
        return img;
    }

    /** A still life for the archive page: a desk, a folder, a lamp's pool of light. */
    static BufferedImage archiveDesk() {
        int w = 1200, h = 675;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = smooth(img);
        g.setPaint(new GradientPaint(0, 0, new Color(0x3a, 0x2a, 0x20), 0, h, new Color(0x1c, 0x13, 0x0e)));
        g.fillRect(0, 0, w, h);
        g.setPaint(new RadialGradientPaint(600, 300, 420, new float[] {0f, 1f},
                new Color[] {new Color(255, 220, 160, 120), new Color(255, 220, 160, 0)}));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(0xd9, 0xb8, 0x6e));
        g.rotate(Math.toRadians(-6), 600, 360);
        g.fillRoundRect(380, 200, 440, 300, 10, 10);
        g.setColor(new Color(0xf3, 0xee, 0xe2));
        g.fillRect(410, 230, 380, 250);
        g.setColor(new Color(0x55, 0x4b, 0x42));
        for (int i = 0; i < 9; i++) g.fillRect(440, 262 + i * 22, 300 - (i * 23) % 90, 6);
        g.setColor(ACCENT);
        g.fillRect(440, 240, 120, 10);
        g.dispose();
        return img;
    }

    /** The site's default share card. */
    static BufferedImage shareCard() {
        int w = 1200, h = 630;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = smooth(img);
        g.setColor(new Color(0xf7, 0xf3, 0xec));
        g.fillRect(0, 0, w, h);
        g.setColor(INK);
        g.fillRect(0, 0, 24, h);
        g.drawImage(logo(220), 110, 205, null);
        g.setFont(new Font(Font.SERIF, Font.BOLD, 84));
        g.drawString("The Meridian", 380, 300);
        g.drawString("Ledger", 380, 390);
        g.setColor(ACCENT);
        g.fillRect(380, 425, 140, 8);
        g.setColor(new Color(0x4a, 0x50, 0x5c));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 32));
        g.drawString("Independent reporting, plainly told", 380, 490);
        g.dispose();
        return img;
    }

    /** A monogram: a dark square with an "M" over a rule, readable at 32 px. */
    static BufferedImage logo(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = smooth(img);
        g.setColor(INK);
        g.fillRoundRect(0, 0, size, size, size / 5, size / 5);
        g.setColor(new Color(0xf7, 0xf3, 0xec));
        g.setFont(new Font(Font.SERIF, Font.BOLD, (int) (size * 0.62)));
        var fm = g.getFontMetrics();
        String m = "M";
        g.drawString(m, (size - fm.stringWidth(m)) / 2, (int) (size * 0.66));
        g.setColor(ACCENT);
        g.fillRect(size / 5, (int) (size * 0.76), size * 3 / 5, Math.max(2, size / 16));
        g.dispose();
        return img;
    }

    private static void jpeg(BufferedImage img, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.86f);
        Files.deleteIfExists(file);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
