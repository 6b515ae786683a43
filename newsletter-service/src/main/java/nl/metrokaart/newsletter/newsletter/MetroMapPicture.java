package nl.metrokaart.newsletter.newsletter;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.geometry.size.FloatSize;
import com.github.weisj.jsvg.parser.SVGLoader;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * The metro map as a PNG for e-mail (Outlook and Gmail do not show inline SVG), rendered with JSVG from the same
 * SVG the HTML page shows inline, at most {@link #WIDTH} pixels wide.
 */
public final class MetroMapPicture {

    /** Twice the 640 px column of the mail, so it stays sharp on high-density screens. */
    static final int WIDTH = 1280;

    private MetroMapPicture() {
    }

    public static byte[] png(String svg) {
        SVGDocument document = new SVGLoader().load(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)), null,
                com.github.weisj.jsvg.parser.LoaderContext.createDefault());
        if (document == null) {
            throw new IllegalArgumentException("Not an SVG document");
        }
        FloatSize size = document.size();
        double scale = size.width > 0 ? Math.min(2.0, WIDTH / size.width) : 1.0;
        int width = Math.max(1, (int) Math.round(size.width * scale));
        int height = Math.max(1, (int) Math.round(size.height * scale));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            graphics.setColor(java.awt.Color.WHITE);
            graphics.fillRect(0, 0, width, height);
            graphics.scale(scale, scale);
            document.render((javax.swing.JComponent) null, graphics);
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
