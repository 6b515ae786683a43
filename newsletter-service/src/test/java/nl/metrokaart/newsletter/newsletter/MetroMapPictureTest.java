package nl.metrokaart.newsletter.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The e-mail's PNG is the metro map programme-service draws (the README's demo map), rendered by JSVG. */
class MetroMapPictureTest {

    @Test
    void theSvgBecomesADecodablePngTwiceTheMailColumnWide() throws Exception {
        String svg = Files.readString(Path.of("../docs/metro-map-krimpenerwaard.svg"));
        byte[] png = MetroMapPicture.png(svg);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(MetroMapPicture.WIDTH, image.getWidth());
        assertTrue(image.getHeight() > 500, "keeps the aspect ratio");
        // Not blank: the lines are drawn in their colours.
        long coloured = 0;
        for (int x = 0; x < image.getWidth(); x += 4) {
            for (int y = 0; y < image.getHeight(); y += 4) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                int r = rgb >> 16;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80) {
                    coloured++;
                }
            }
        }
        assertTrue(coloured > 500, "coloured pixels: " + coloured);
    }
}
