package ir.line111.core.testing;

import ir.line111.core.persistence.Database;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

import java.util.List;
import java.util.stream.Stream;

/** The extension behind {@link OnBothDatabases}: one invocation per {@link TestDatabases.Kind}. */
public final class BothDatabasesExtension implements TestTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BothDatabasesExtension.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.isAnnotationPresent(OnBothDatabases.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(TestDatabases.Kind.values()).map(Invocation::new);
    }

    /** Closed by JUnit when the class's store closes. */
    private record Held(Database db) implements AutoCloseable {
        @Override
        public void close() { db.close(); }
    }

    private record Invocation(TestDatabases.Kind kind) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + kind.label() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new ParameterResolver() {
                @Override
                public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
                    Class<?> t = p.getParameter().getType();
                    return t == Database.class || t == TestDatabases.Kind.class;
                }

                @Override
                public Object resolveParameter(ParameterContext p, ExtensionContext e) {
                    if (p.getParameter().getType() == TestDatabases.Kind.class) return kind;
                    // the class-level context holds the database so every method of the class shares it
                    ExtensionContext owner = findClassContext(e);
                    return owner.getStore(NS).getOrComputeIfAbsent(kind, k -> new Held(kind.open()), Held.class).db();
                }
            });
        }

        private static ExtensionContext findClassContext(ExtensionContext e) {
            ExtensionContext c = e;
            while (c.getParent().isPresent() && c.getTestMethod().isPresent()) c = c.getParent().get();
            return c;
        }
    }
}
