package nl.metrokaart.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the whole suite once for all end-to-end test classes (on free ports, Kafka inside the test JVM, the mails
 * under {@code target/stack/mail}) and stops it when the test run ends.
 */
public final class RunningStack implements BeforeAllCallback {

    /** Where the stack's SMTP server writes every mail it receives as an {@code .eml} file. */
    static final Path MAIL_DIRECTORY = Stack.repositoryRoot().resolve("deploy/e2e/target/stack/mail");

    private static Stack stack;

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (stack == null) {
            Path root = Stack.repositoryRoot();
            stack = Stack.start(new Stack.Settings(root,
                    Stack.keycloakHome(root),
                    root.resolve("deploy/e2e/target/stack"),
                    0, 0, false, 0,
                    0, MAIL_DIRECTORY,
                    0, 0, 0, 0,
                    50, 100));
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .put(RunningStack.class, (ExtensionContext.Store.CloseableResource) () -> stack.close());
        }
    }

    public static Stack stack() {
        return stack;
    }
}
