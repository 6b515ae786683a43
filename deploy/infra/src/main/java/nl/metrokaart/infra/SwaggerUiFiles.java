package nl.metrokaart.infra;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The Swagger UI distribution the gateway serves, from the {@code org.webjars:swagger-ui} jar on the classpath. */
final class SwaggerUiFiles {

    private static final String SWAGGER_UI_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final String SWAGGER_UI_ROOT = "META-INF/resources/webjars/swagger-ui/";

    private SwaggerUiFiles() {
    }

    /** Copies the distribution (version read from the jar's pom.properties) into {@code html}, titled for Metrokaart. */
    static void copyTo(Path html) throws IOException {
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(SwaggerUiFiles.class.getClassLoader());
        URL pom = loader.getResource(SWAGGER_UI_POM);
        if (pom == null) {
            throw new IllegalStateException("org.webjars:swagger-ui is not on the classpath (" + SWAGGER_UI_POM + ")");
        }
        Properties properties = new Properties();
        try (InputStream in = pom.openStream()) {
            properties.load(in);
        }
        String version = properties.getProperty("version");
        String root = SWAGGER_UI_ROOT + version + "/";
        URL index = loader.getResource(root + "index.html");
        if (version == null || index == null) {
            throw new IllegalStateException("Swagger UI files not found at classpath " + root);
        }
        int copied = "jar".equals(index.getProtocol()) ? copyFromJar(index, root, html) : copyFromDirectory(index, html);
        if (copied == 0) {
            throw new IllegalStateException("No Swagger UI files found at classpath " + root);
        }
        Path indexHtml = html.resolve("index.html");
        Files.writeString(indexHtml, Files.readString(indexHtml)
                .replace("<title>Swagger UI</title>", "<title>Metrokaart API</title>"));
    }

    private static int copyFromJar(URL index, String root, Path html) throws IOException {
        int copied = 0;
        URLConnection connection = index.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = ((JarURLConnection) connection).getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().startsWith(root)) {
                    continue;
                }
                Path target = html.resolve(entry.getName().substring(root.length())).normalize();
                if (!target.startsWith(html)) {
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                copied++;
            }
        }
        return copied;
    }

    private static int copyFromDirectory(URL index, Path html) throws IOException {
        int copied = 0;
        Path source;
        try {
            source = Path.of(index.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Unexpected Swagger UI location " + index, e);
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = html.resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                copied++;
            }
        }
        return copied;
    }
}
